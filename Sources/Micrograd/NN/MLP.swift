/// A multilayer perceptron: layers applied one after the other (micrograd's `MLP`).
///
/// `MLP(2, [16, 16, 1], rng: &rng)` is micrograd's: ReLU hidden layers and a linear output.
/// The lecture's `MLP(3, [4, 4, 1])` uses tanh everywhere and random biases:
/// `MLP(3, [4, 4, 1], activation: .tanh, outputActivation: .tanh, initializer: .lecture, rng: &rng)`.
public final class MLP: Module {
    /// The layers, from the inputs to the outputs.
    public let layers: [Layer]

    /// The layers recorded in one call by the engine's fast path, when each is fused.
    let fused: [FusedLayer]?
    /// Every parameter, in ``parameters()`` order (the layers never change, so neither does it).
    let allParameters: [Value]

    /// A network of the given layers.
    public init(layers: [Layer]) {
        self.layers = layers
        let fusedLayers = layers.compactMap(\.fused)
        fused = fusedLayers.count == layers.count ? fusedLayers : nil
        allParameters = layers.flatMap { $0.parameters() }
    }

    /// A network with `inputs` inputs and one layer per entry of `outputs`, drawn from `rng`
    /// layer by layer. Hidden layers use `activation`, the last one `outputActivation`.
    public convenience init(
        _ inputs: Int, _ outputs: [Int], activation: Activation = .relu, outputActivation: Activation = .linear,
        initializer: Initializer = .micrograd, rng: inout RNG
    ) {
        let sizes = [inputs] + outputs
        var layers: [Layer] = []
        layers.reserveCapacity(outputs.count)
        for i in outputs.indices {
            let nonlinearity = i == outputs.count - 1 ? outputActivation : activation
            layers.append(Layer(sizes[i], sizes[i + 1], activation: nonlinearity, initializer: initializer, rng: &rng))
        }
        self.init(layers: layers)
    }

    /// The same, drawn from `RNG(seed: seed)`.
    public convenience init(
        _ inputs: Int, _ outputs: [Int], activation: Activation = .relu, outputActivation: Activation = .linear,
        initializer: Initializer = .micrograd, seed: UInt64
    ) {
        var rng = RNG(seed: seed)
        self.init(
            inputs, outputs, activation: activation, outputActivation: outputActivation, initializer: initializer,
            rng: &rng)
    }

    /// Each layer on the previous one's outputs: micrograd's `for layer in self.layers: x = layer(x)`.
    ///
    /// The engine's fast path records every layer in one call, with the same nodes, values and
    /// gradients (`FusedLayer`, checked by `DenseLayerTests`).
    public func callAsFunction(_ x: [Value]) -> [Value] {
        if let fused { return FusedLayer.apply(fused, to: x) }
        return layers.reduce(x) { x, layer in layer(x) }
    }

    /// The same for plain-number inputs, which the first layer uses as `Double`s.
    public func callAsFunction(_ x: [Double]) -> [Value] {
        if let fused { return FusedLayer.apply(fused, to: x) }
        guard let first = layers.first else { return x.map { Value($0) } }
        return layers.dropFirst().reduce(first(x)) { x, layer in layer(x) }
    }

    /// Every parameter, layer by layer.
    public func parameters() -> [Value] {
        allParameters
    }
}
