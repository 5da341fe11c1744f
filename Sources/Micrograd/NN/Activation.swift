/// The nonlinearity a neuron applies to its weighted sum.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// `max(x, 0)`: micrograd's hidden layers.
    case relu
    /// `tanh(x)`: the lecture's neurons and EurekaLabsAI's hidden layers.
    case tanh
    /// The weighted sum itself: micrograd's output layer.
    case linear

    /// The engine operation that applies it (nil for `linear`).
    public var op: Op? {
        switch self {
        case .relu: .relu
        case .tanh: .tanh
        case .linear: nil
        }
    }

    /// Applies the activation to `x`.
    @inlinable public func callAsFunction(_ x: Value) -> Value {
        switch self {
        case .relu: x.relu()
        case .tanh: x.tanh()
        case .linear: x
        }
    }
}
