/// Plain gradient descent, `p.data -= lr * p.grad`, as in micrograd's demos.
///
/// The learning rate of step `k` (counting from 0) is `learningRate(k)`, e.g. the moons demo's
/// `{ k in 1.0 - 0.9 * Double(k) / 100 }`. The update is one multiply and one subtract, as torch's
/// `p -= lr * p.grad` under `no_grad` (and the lecture's `p.data += -lr * p.grad`, which rounds
/// the same).
public struct SGD: Optimizer {
    public let parameters: [Value]
    /// The learning rate of step `k`.
    public var learningRate: (Int) -> Double
    /// How many steps have been taken.
    public private(set) var stepCount = 0

    /// Gradient descent with a learning-rate schedule.
    public init(parameters: [Value], learningRate: @escaping (Int) -> Double) {
        self.parameters = parameters
        self.learningRate = learningRate
    }

    /// Gradient descent with a constant learning rate.
    public init(parameters: [Value], learningRate: Double) {
        self.init(parameters: parameters, learningRate: { _ in learningRate })
    }

    public mutating func step() {
        let lr = learningRate(stepCount)
        parameters.withUnsafeBufferPointer { p in
            Value.updateData(of: p) { i in p[i].data - lr * p[i].grad }
        }
        stepCount += 1
    }
}
