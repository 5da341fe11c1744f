import Micrograd
import Testing

/// A training session takes the parity suite's steps, and measures accuracy as the demos do.
struct TrainingSessionTests {
    static let moons = ModelSpec(
        name: "moons", seed: 42, dataset: .init(kind: .moons, count: 40, noise: 0.1),
        model: .init(inputs: 2, layers: [8, 1], activation: .relu, outputActivation: .linear, initializer: .micrograd),
        loss: .init(kind: .maxMargin, l2: 1e-4), optimizer: .init(kind: .sgd, learningRate: 0.5), steps: 6)

    @Test("Its losses are Training.run's, bit for bit, and its final parameters too")
    func sameAsTrainingRun() {
        let session = TrainingSession(Self.moons)
        let losses = (0..<Self.moons.steps).map { _ in session.step().loss }
        let record = Training.run(Self.moons)
        #expect(losses.map(\.bitPattern) == record.losses.map(\.bitPattern))
        #expect(session.model.parameters().map(\.data.bitPattern) == record.finalParameters.map(\.bitPattern))
        #expect(session.completedSteps == Self.moons.steps)
    }

    @Test("Accuracy is the share of points whose score has their label's sign, before the update")
    func accuracy() {
        let session = TrainingSession(Self.moons)
        // Scores of the untrained model, computed here from the model itself.
        let scores = session.points.map { session.model($0)[0].data }
        let right = zip(scores, session.classes).filter { ($0 > 0) == ($1 == 1) }.count
        let step = session.step()
        #expect(step.accuracy == Double(right) / Double(session.points.count))
        #expect(session.classNames == ["−1", "+1"])
        #expect(session.predictedClass(of: session.points[0]) == (session.model(session.points[0])[0].data > 0 ? 1 : 0))
    }

    @Test("Yin-yang: three classes, the largest logit is the prediction")
    func yinyang() {
        let spec = ModelSpec(
            name: "yinyang", seed: 3, dataset: .init(kind: .yinyang, count: 30),
            model: .init(inputs: 2, layers: [4, 3], activation: .tanh, outputActivation: .linear, initializer: .eureka),
            loss: .init(kind: .crossEntropy), optimizer: .init(kind: .adamw, learningRate: 0.1), steps: 2)
        let session = TrainingSession(spec)
        #expect(session.classNames == ["yin", "yang", "dot"])
        #expect(session.points.count == 24, "the training split: the first 80%")
        let logits = session.model(session.points[0]).map(\.data)
        #expect(session.predictedClass(of: session.points[0]) == logits.firstIndex(of: logits.max()!))
        let step = session.step(recordingGradients: true)
        #expect(step.gradients?.count == session.model.parameters().count)
        #expect((0...1).contains(step.accuracy))
    }
}
