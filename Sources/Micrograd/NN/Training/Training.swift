/// Runs the training loops of the parity suite (see ``ModelSpec``).
public enum Training {
    /// Trains the spec's model and records its losses, some gradients and the final parameters.
    ///
    /// Each step is a ``TrainingSession/step(recordingGradients:)``: forward the whole data set
    /// and the loss, forget the gradients (torch's `zero_grad()`, to `None`), backward, record,
    /// update.
    public static func run(_ spec: ModelSpec) -> TrainingRecord {
        let session = TrainingSession(spec)
        let recordedSteps = Set([0, 1, spec.steps - 1])
        var record = TrainingRecord(losses: [], gradients: [:], finalParameters: [])
        record.losses.reserveCapacity(spec.steps)
        for k in 0..<spec.steps {
            let step = session.step(recordingGradients: recordedSteps.contains(k))
            record.losses.append(step.loss)
            if let gradients = step.gradients { record.gradients[k] = gradients }
        }
        record.finalParameters = session.model.parameters().map(\.data)
        return record
    }

    /// The optimizer a spec describes.
    static func makeOptimizer(_ spec: ModelSpec.OptimizerSpec, parameters: [Value]) -> any Optimizer {
        switch spec.kind {
        case .sgd:
            let rate = spec.learningRate, decay = spec.learningRateDecay ?? 0, over = Double(spec.decaySteps ?? 1)
            if decay == 0 { return SGD(parameters: parameters, learningRate: rate) }
            return SGD(parameters: parameters, learningRate: { k in rate - decay * Double(k) / over })
        case .adamw:
            return AdamW(
                parameters: parameters, learningRate: spec.learningRate, beta1: spec.beta1 ?? 0.9,
                beta2: spec.beta2 ?? 0.999, epsilon: spec.epsilon ?? 1e-8, weightDecay: spec.weightDecay ?? 1e-2)
        }
    }
}
