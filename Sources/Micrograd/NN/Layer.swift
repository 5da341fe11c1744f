/// A layer of neurons that all see the same inputs.
public final class Layer: Module {
    /// The neurons, one per output.
    public let neurons: [Neuron]

    /// A layer of the given neurons.
    public init(neurons: [Neuron]) {
        self.neurons = neurons
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

    /// Each neuron's output, computed neuron by neuron.
    public func callAsFunction(_ x: [Value]) -> [Value] {
        var outputs: [Value] = []
        outputs.reserveCapacity(neurons.count)
        for neuron in neurons { outputs.append(neuron(x)) }
        return outputs
    }

    /// Each neuron's output for plain-number inputs.
    public func callAsFunction(_ x: [Double]) -> [Value] {
        var outputs: [Value] = []
        outputs.reserveCapacity(neurons.count)
        for neuron in neurons { outputs.append(neuron(x)) }
        return outputs
    }

    /// The neurons' parameters, neuron by neuron.
    public func parameters() -> [Value] {
        neurons.flatMap { $0.parameters() }
    }
}
