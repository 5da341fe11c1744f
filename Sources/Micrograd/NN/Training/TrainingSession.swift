/// A training run of a ``ModelSpec`` taken one step at a time, with the model at hand between
/// steps: what `micrograd demo` draws its progress line and pictures from.
///
/// ``Training/run(_:)`` is this loop run to the end, so a session's losses are the parity
/// suite's, step for step:
/// ```swift
/// let session = TrainingSession(spec)
/// for _ in 0..<spec.steps {
///     let step = session.step()
///     print(step.step, step.loss, step.accuracy)
/// }
/// let predicted = session.predictedClass(of: [0.5, 0.25])
/// ```
public final class TrainingSession {
    /// The run.
    public let spec: ModelSpec
    /// The network being trained.
    public let model: MLP
    /// The steps taken so far.
    public private(set) var completedSteps = 0

    private let objective: Objective
    private let parameters: [Value]
    private var optimizer: any Optimizer

    /// Draws the spec's data set, then its model, from one `RNG(seed: spec.seed)`, as
    /// ``Training/run(_:)`` does.
    public init(_ spec: ModelSpec) {
        var rng = RNG(seed: spec.seed)
        objective = Objective(spec, rng: &rng)
        model = MLP(
            spec.model.inputs, spec.model.layers, activation: spec.model.activation,
            outputActivation: spec.model.outputActivation, initializer: spec.model.initializer, rng: &rng)
        parameters = model.parameters()
        optimizer = Training.makeOptimizer(spec.optimizer, parameters: parameters)
        self.spec = spec
    }

    /// One step: forward the whole data set and the loss, forget the gradients (torch's
    /// `zero_grad()`, to `None`), backward, then update the parameters.
    ///
    /// - Parameter recordingGradients: whether to return every parameter's gradient (after the
    ///   backward pass, before the update).
    public func step(recordingGradients: Bool = false) -> TrainingStep {
        let (loss, correct) = objective.loss(of: model, parameters: parameters)
        for parameter in parameters { parameter.zeroGrad() }
        loss.backward()
        let result = TrainingStep(
            step: completedSteps, loss: loss.data, accuracy: Double(correct) / Double(objective.points.count),
            gradients: recordingGradients ? parameters.map(\.grad) : nil)
        optimizer.step()
        completedSteps += 1
        return result
    }

    /// The points trained on (moons, the lecture's 4 samples, yin-yang's training split).
    public var points: [[Double]] { objective.points }

    /// The class of each of ``points``, an index into ``classNames``.
    public var classes: [Int] { objective.classes }

    /// The names of the classes: `−1` and `+1` for a ±1 target, yin, yang and dot for yin-yang.
    public var classNames: [String] { objective.classNames }

    /// The class the model predicts for `point` (an index into ``classNames``): the sign of
    /// its score for a ±1 target (karpathy's `score > 0`), the largest logit for classes.
    public func predictedClass(of point: [Double]) -> Int {
        objective.predictedClass(model(point))
    }
}

/// What one ``TrainingSession/step(recordingGradients:)`` measured.
public struct TrainingStep: Sendable, Equatable {
    /// The step's index, from 0.
    public var step: Int
    /// The loss before the step's update.
    public var loss: Double
    /// The fraction of the points classified right before the step's update, from 0 to 1.
    public var accuracy: Double
    /// Every parameter's gradient after the backward pass, when asked for.
    public var gradients: [Double]?
}
