/// A layer of neurons that all see the same inputs.
public final class Layer: Module {
    /// The neurons, one per output.
    public let neurons: [Neuron]

    /// The neurons as the engine records them in one call (a one-layer stack).
    let dense: [Value.DenseLayer]
    /// Every parameter, in ``parameters()`` order.
    let allParameters: [Value]

    /// A layer of the given neurons, which must share an activation and an input count.
    public init(neurons: [Neuron]) {
        precondition(Set(neurons.map(\.activation)).count <= 1, "Layer: neurons with different activations")
        precondition(Set(neurons.map(\.weights.count)).count <= 1, "Layer: neurons with different input counts")
        self.neurons = neurons
        dense = [Value.DenseLayer(
            weights: neurons.flatMap(\.weights), biases: neurons.map(\.bias), activation: neurons.first?.activation.op)]
        allParameters = neurons.flatMap { $0.parameters() }
    }

    /// A layer of `outputs` neurons with `inputs` inputs each, drawn from `rng` neuron by neuron.
    public convenience init(
        _ inputs: Int, _ outputs: Int, activation: Activation = .relu, initializer: Initializer = .micrograd,
        rng: inout RNG
    ) {
        var neurons: [Neuron] = []
        neurons.reserveCapacity(outputs)
        for _ in 0..<outputs {
            neurons.append(Neuron(inputs, activation: activation, initializer: initializer, rng: &rng))
        }
        self.init(neurons: neurons)
    }

    /// Each neuron's output, computed neuron by neuron (recorded as calling each ``Neuron``
    /// records it).
    public func callAsFunction(_ x: [Value]) -> [Value] {
        Value.dense(dense, inputs: x)
    }

    /// Each neuron's output for plain-number inputs.
    public func callAsFunction(_ x: [Double]) -> [Value] {
        Value.dense(dense, inputs: x)
    }

    /// The neurons' parameters, neuron by neuron.
    public func parameters() -> [Value] {
        allParameters
    }
}
