import Testing
@testable import Micrograd

/// Training runs in constant memory: each step's graph is recorded on the same tape, which is
/// emptied and reused once the previous step's values are gone. (The benchmark executable
/// measures the process's RSS over 1,000 steps: `MicrogradBenchmark --memory`.)
struct MemoryTests {
    @Test func moonsTrainingReusesOneTape() {
        let footprints = onOwnThread { Self.moonsFootprints() }
        let differing = footprints.indices.filter { footprints[$0] != footprints[0] }
        #expect(
            differing.isEmpty,
            "steps \(differing) differ from the first: \(footprints[0]) vs \(differing.first.map { footprints[$0] }.map(String.init(describing:)) ?? "")"
        )
    }

    /// The tape's identity and footprint after each of 100 moons steps (after 10 to warm up).
    static func moonsFootprints() -> [Footprint] {
        var rng = RNG(seed: 42)
        let data = Dataset.moons(count: 100, noise: 0.1, rng: &rng)
        let model = MLP(2, [16, 16, 1], rng: &rng)
        let parameters = model.parameters()
        var sgd = SGD(parameters: parameters, learningRate: { k in 1.0 - 0.9 * Double(k) / 100 })
        /// The tape's identity and footprint after a step (holding the tape itself would keep
        /// it from being reused).
        func step() -> Footprint {
            let scores = data.inputs.map { model($0.map { Value($0) })[0] }
            let loss = Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: 1e-4)
            model.zeroGrad()
            loss.backward()
            sgd.step()
            let tape = loss.tape
            return Footprint(
                tape: ObjectIdentifier(tape), capacity: tape.capacity,
                operandCapacity: tape.operandCapacity, count: tape.count)
        }
        for _ in 0..<10 { _ = step() }
        return (0..<100).map { _ in step() }
    }

    struct Footprint: Equatable {
        let tape: ObjectIdentifier
        let capacity: Int, operandCapacity: Int, count: Int
    }

    @Test func graphKeepsTheLeavesOfADroppedModelAndLetsThemGoWithIt() {
        let seen = onOwnThread { Self.leavesOfADroppedModel() }
        #expect(seen.keptWhileReachable)
        #expect(seen.leafCount == 2 + 3 * 2 + 3 + 3 + 1)
        #expect(seen.gradientsFinite)
        #expect(seen.modelFreedInputsSpared)
        #expect(seen.spared)
    }

    struct DroppedModel {
        var keptWhileReachable = false, leafCount = 0, gradientsFinite = false
        var modelFreedInputsSpared = false, spared = false
    }

    static func leavesOfADroppedModel() -> DroppedModel {
        var result = DroppedModel()
        weak var weight: Leaf?, input: Leaf?
        var output: Value? = {
            let model = MLP(2, [3, 1], seed: 7)
            let x = [Value(0.5), Value(-1.5)]
            weight = model.parameters()[0].leaf
            input = x[0].leaf
            return model(x)[0]
        }()
        // The model and the inputs are gone; the graph still reaches them.
        result.keptWhileReachable = weight != nil && input != nil
        output!.backward()
        do {
            var seen: Set<NodeID> = [], stack = [output!], leaves: [Value] = []
            while let node = stack.popLast() {
                guard seen.insert(node.id).inserted else { continue }
                if node.op == .leaf { leaves.append(node) }
                stack += node.children
            }
            result.leafCount = leaves.count
            result.gradientsFinite = leaves.allSatisfy { $0.grad.isFinite }
        }
        output = nil
        // A new graph on this thread's tape empties it: the model's leaves are freed, the
        // inputs (only the tape held them) are spared for the thread's next leaves.
        _ = Value(1.0) * 2.0
        result.modelFreedInputsSpared = weight == nil && input != nil
        for _ in 0..<2 { result.spared = result.spared || Value(0).leaf === input }
        return result
    }

    @Test func keptValueKeepsItsTapeAndLaterGraphsStillWork() {
        let kept = Value(1.0) * 2.0
        let a = Value(3.0)
        let b = a * a
        b.backward()
        #expect(a.grad == 6)
        #expect(kept.data == 2)
        #expect(b.tape === kept.tape)
    }
}
