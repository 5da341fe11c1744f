/// A part of a neural network that owns trainable parameters (micrograd's `Module`).
public protocol Module: AnyObject {
    /// The trainable values, in micrograd's order: layer by layer, neuron by neuron, each
    /// neuron's weights and then its bias.
    func parameters() -> [Value]
}

extension Module {
    /// Forgets every parameter's gradient, as torch's `zero_grad()` (set to `None`): the next
    /// backward pass stores the gradient instead of adding to it.
    public func zeroGrad() {
        for parameter in parameters() { parameter.zeroGrad() }
    }
}
