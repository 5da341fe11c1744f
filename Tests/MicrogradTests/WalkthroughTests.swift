import Micrograd
import Testing

/// The code of the documentation's lecture walkthrough (`Documentation.docc/LectureWalkthrough.md`),
/// with the numbers the article shows: if the engine changes them, this fails and the article
/// is updated with it.
struct WalkthroughTests {
    @Test("The derivative by nudging h: f(x) = 3x² − 4x + 5 at x = 3")
    func nudging() {
        func f(_ x: Double) -> Double { 3 * x * x - 4 * x + 5 }
        let h = 0.0001
        let x = 3.0
        #expect((f(x + h) - f(x)) / h == 14.000300000063248)
    }

    @Test("The Value graph L = (a*b + c) * f, its gradients by hand, then by backward()")
    func graphAndBackward() {
        let a = Value(2.0, label: "a"), b = Value(-3.0, label: "b"), c = Value(10.0, label: "c")
        let e = a * b
        let d = e + c
        let f = Value(-2.0, label: "f")
        let L = d * f
        #expect(L.data == -8)
        #expect(L.children.map(\.data) == [4, -2])
        L.backward()
        // By hand: dL/dd = f, dL/df = d, then the chain rule through + (passes it on) and * (the other factor).
        #expect([L.grad, d.grad, f.grad, c.grad, e.grad, a.grad, b.grad] == [1, -2, 4, -2, -2, 6, -4])
        L.backward()
        #expect(a.grad == 12, "a second backward() adds the gradients again")
    }

    @Test("The neuron o = tanh(x1*w1 + x2*w2 + b)")
    func neuron() {
        let x1 = Value(2.0, label: "x1"), x2 = Value(0.0, label: "x2")
        let w1 = Value(-3.0, label: "w1"), w2 = Value(1.0, label: "w2")
        let b = Value(6.8813735870195432, label: "b")
        let o = (x1 * w1 + x2 * w2 + b).tanh()
        o.backward()
        #expect(abs(o.data - 0.7071) < 1e-4)
        #expect([x1, w1, x2, w2].map { ($0.grad * 1e4).rounded() / 1e4 } == [-1.5, 1.0, 0.5, 0.0])
        let report = gradcheck(at: [2, -3, 0, 1, 6.8813735870195432], labels: ["x1", "w1", "x2", "w2", "b"]) { v in
            (v[0] * v[1] + v[2] * v[3] + v[4]).tanh()
        }
        #expect(report.passed, "\(report)")
        #expect(report.worst.map { $0.relativeError < 1e-8 } == true, "\(report)")
    }

    /// The lecture's training loop; `zeroGrad` says whether it forgets the gradients first.
    static func train(zeroGrad: Bool) -> [Double] {
        var rng = RNG(seed: 42)
        let model = MLP(3, [4, 4, 1], activation: .tanh, outputActivation: .tanh, initializer: .lecture, rng: &rng)
        let data = Dataset.lecture
        var losses: [Double] = []
        for _ in 0..<20 {
            let predictions = data.inputs.map { model($0)[0] }
            let loss = Loss.squaredError(predictions: predictions, targets: data.labels)
            if zeroGrad { for p in model.parameters() { p.zeroGrad() } }
            loss.backward()
            for p in model.parameters() { p.data -= 0.1 * p.grad }
            losses.append(loss.data)
        }
        return losses
    }

    @Test("The training loop: the losses `micrograd train lecture` prints")
    func trainingLoop() throws {
        let losses = Self.train(zeroGrad: true)
        #expect(losses.first == 4.063652619046021)
        #expect(losses.last == 0.018104407078909028)
        let spec = ModelSpec(
            name: "lecture", seed: 42, dataset: .init(kind: .lecture),
            model: .init(inputs: 3, layers: [4, 4, 1], activation: .tanh, outputActivation: .tanh, initializer: .lecture),
            loss: .init(kind: .squaredError), optimizer: .init(kind: .sgd, learningRate: 0.1), steps: 20)
        #expect(losses == Training.run(spec).losses)
    }

    @Test("The forgotten zeroGrad: gradients pile up over the steps")
    func forgottenZeroGrad() {
        let losses = Self.train(zeroGrad: false)
        #expect(losses.first == 4.063652619046021, "the first step has nothing to pile up")
        #expect(losses[5] == 0.03294142582390885)
        #expect(losses[6] == 1.105985106838101, "step 6 undoes the progress")
        #expect(losses[14] == 2.368218552038735e-16)
        #expect(losses[19] == 0.006427754435229598, "and it climbs again at the end")
    }
}
