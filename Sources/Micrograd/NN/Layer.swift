/// A layer of neurons that all see the same inputs.
public final class Layer: Module {
    /// The neurons, one per output.
    public let neurons: [Neuron]

    /// The neurons recorded as one layer by the engine's fast path, when they share an
    /// activation.
    let fused: FusedLayer?
    /// Every parameter, in ``parameters()`` order.
    let allParameters: [Value]

    /// A layer of the given neurons, which must share an input count.
    public init(neurons: [Neuron]) {
        precondition(Set(neurons.map(\.weights.count)).count <= 1, "Layer: neurons with different input counts")
        self.neurons = neurons
        fused = FusedLayer(neurons)
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

    /// Each neuron on the inputs: micrograd's `[n(x) for n in self.neurons]`.
    ///
    /// The engine's fast path records it as one fused layer, with the same nodes, values and
    /// gradients as calling the neurons one by one (`FusedLayer`, checked by `DenseLayerTests`).
    public func callAsFunction(_ x: [Value]) -> [Value] {
        if let fused { return FusedLayer.apply([fused], to: x) }
        return neurons.map { $0(x) }
    }

    /// Each neuron on plain-number inputs (each product is `w * x` with a `Double`).
    public func callAsFunction(_ x: [Double]) -> [Value] {
        if let fused { return FusedLayer.apply([fused], to: x) }
        return neurons.map { $0(x) }
    }

    /// The neurons' parameters, neuron by neuron.
    public func parameters() -> [Value] {
        allParameters
    }
}
