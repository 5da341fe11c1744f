/// One neuron: `activation(b + w0*x0 + w1*x1 + ...)`.
public final class Neuron: Module {
    /// One weight per input.
    public let weights: [Value]
    /// The bias, the first term of the sum.
    public let bias: Value
    /// The nonlinearity applied to the sum.
    public let activation: Activation

    /// A neuron with the given parameters.
    public init(weights: [Value], bias: Value, activation: Activation) {
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// A neuron with `inputs` weights drawn from `rng` by `initializer`.
    public convenience init(
        _ inputs: Int, activation: Activation = .relu, initializer: Initializer = .micrograd, rng: inout RNG
    ) {
        let (weights, bias) = initializer.draw(inputs: inputs, rng: &rng)
        self.init(weights: weights.map { Value($0) }, bias: Value(bias), activation: activation)
    }

    /// `activation(b + w0*x0 + w1*x1 + ...)`: micrograd's
    /// `sum((wi*xi for wi, xi in zip(self.w, x)), self.b)`, the chain `mul, add, mul, add, ...`,
    /// recorded as one fused node (`Value.weightedSum`) with exactly that chain's values and
    /// gradients.
    public func callAsFunction(_ x: [Value]) -> Value {
        precondition(x.count == weights.count, "Neuron: \(x.count) inputs for \(weights.count) weights")
        return activation(Value.weightedSum(bias: bias, weights: weights, inputs: x))
    }

    /// The same with plain-number inputs: each product is `w * x` with a `Double` (in torch, a
    /// tensor times a Python float).
    public func callAsFunction(_ x: [Double]) -> Value {
        precondition(x.count == weights.count, "Neuron: \(x.count) inputs for \(weights.count) weights")
        return activation(Value.weightedSum(bias: bias, weights: weights, inputs: x))
    }

    /// The weights, then the bias.
    public func parameters() -> [Value] {
        weights + [bias]
    }
}
