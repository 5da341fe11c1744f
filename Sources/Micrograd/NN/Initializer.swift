/// How a neuron's weights and bias are first drawn from an ``RNG``.
///
/// Neurons draw in creation order (layer by layer, neuron by neuron), each drawing its weights
/// in order, one draw per weight, and then its bias if the bias is random.
public enum Initializer: String, Codable, Sendable, CaseIterable {
    /// karpathy/micrograd's `nn.py`: `w = uniform(-1, 1)`, `b = 0`.
    case micrograd
    /// The micrograd lecture's notebook: `w = uniform(-1, 1)`, then `b = uniform(-1, 1)`.
    case lecture
    /// EurekaLabsAI/micrograd: `w = uniform(-1, 1) * nin ** -0.5`, `b = 0`, with the
    /// correctly rounded `pow` (the C library's, Python's `**`, differs for one `nin` up to 2,000: 1,769).
    case eureka

    /// The initial weights and bias of a neuron with `inputs` inputs.
    public func draw(inputs: Int, rng: inout RNG) -> (weights: [Double], bias: Double) {
        switch self {
        case .micrograd:
            return ((0..<inputs).map { _ in rng.uniform(-1, 1) }, 0)
        case .lecture:
            let weights = (0..<inputs).map { _ in rng.uniform(-1, 1) }
            return (weights, rng.uniform(-1, 1))
        case .eureka:
            let scale = PortableMath.pow(Double(inputs), -0.5)
            return ((0..<inputs).map { _ in rng.uniform(-1, 1) * scale }, 0)
        }
    }
}
