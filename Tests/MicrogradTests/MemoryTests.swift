import Testing
@testable import Micrograd

/// Training runs in constant memory: each step's graph is recorded on the same tape, which is
/// emptied and reused once the previous step's values are gone. (The benchmark executable
/// measures the process's RSS over 1,000 steps: `MicrogradBenchmark --memory`.)
struct MemoryTests {
    @Test func moonsTrainingReusesOneTape() {
        var rng = RNG(seed: 42)
        let data = Dataset.moons(count: 100, noise: 0.1, rng: &rng)
        let model = MLP(2, [16, 16, 1], rng: &rng)
        let parameters = model.parameters()
        var sgd = SGD(parameters: parameters, learningRate: { k in 1.0 - 0.9 * Double(k) / 100 })
        /// The tape's identity and footprint after a step (holding the tape itself would keep
        /// it from being reused).
        func step() -> (ObjectIdentifier, Int, Int, Int) {
            let scores = data.inputs.map { model($0.map { Value($0) })[0] }
            let loss = Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: 1e-4)
            model.zeroGrad()
            loss.backward()
            sgd.step()
            let tape = loss.tape
            return (ObjectIdentifier(tape), tape.capacity, tape.operandCapacity, tape.count)
        }
        for _ in 0..<10 { _ = step() }
        let footprint = step()
        for _ in 0..<100 {
            #expect(step() == footprint)
        }
    }

    @Test func graphKeepsTheLeavesOfADroppedModelAndLetsThemGoWithIt() {
        weak var weight: Leaf?, input: Leaf?
        var output: Value? = {
            let model = MLP(2, [3, 1], seed: 7)
            let x = [Value(0.5), Value(-1.5)]
            weight = model.parameters()[0].leaf
            input = x[0].leaf
            return model(x)[0]
        }()
        // The model and the inputs are gone; the graph still reaches them.
        #expect(weight != nil && input != nil)
        output!.backward()
        do {
            var seen: Set<NodeID> = [], stack = [output!], leaves: [Value] = []
            while let node = stack.popLast() {
                guard seen.insert(node.id).inserted else { continue }
                if node.op == .leaf { leaves.append(node) }
                stack += node.children
            }
            #expect(leaves.count == 2 + 3 * 2 + 3 + 3 + 1)
            #expect(leaves.allSatisfy { $0.grad.isFinite })
        }
        output = nil
        // A new graph on this thread's tape empties it: the model's leaves are freed, the
        // inputs (only the tape held them) are spared for the thread's next leaves.
        _ = Value(1.0) * 2.0
        #expect(weight == nil && input != nil)
        var spared = false
        for _ in 0..<2 { spared = spared || Value(0).leaf === input }
        #expect(spared)
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
