import Micrograd

/// Which documented deviations (``Micrograd/TorchDeviation``) a training run goes through.
///
/// A run that computes a deviating function even once cannot be held to 0 ulp: the difference
/// enters the loss, every gradient and every later step, and unlike a case program a training
/// run cannot be aligned to torch node by node. Such runs are compared and reported, and only
/// the runs free of deviations are required to match bit for bit.
public enum TrainingDeviations {
    /// The deviating functions `spec` computes, with where they come from; empty when every
    /// operation of the run is exact.
    public static func of(_ spec: ModelSpec) -> [String] {
        var causes: [String] = []
        if spec.model.activation == .tanh || spec.model.outputActivation == .tanh {
            causes.append("tanh (activation)")
        }
        if spec.loss.kind == .crossEntropy {
            causes.append("exp, log (cross-entropy)")
        }
        if spec.optimizer.kind == .adamw {
            causes.append("sqrt (AdamW's update)")
        }
        return causes
    }
}
