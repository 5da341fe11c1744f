/// What a training run produced, compared number for number with the Python twin.
public struct TrainingRecord: Codable, Sendable, Equatable {
    /// The loss of each step, before that step's update.
    public var losses: [Double]
    /// Every parameter's gradient (in ``Module/parameters()`` order) after the backward pass of
    /// steps 0, 1 and the last one, keyed by step.
    public var gradients: [Int: [Double]]
    /// The parameters after the last update.
    public var finalParameters: [Double]

    /// A record.
    public init(losses: [Double], gradients: [Int: [Double]], finalParameters: [Double]) {
        self.losses = losses
        self.gradients = gradients
        self.finalParameters = finalParameters
    }
}
