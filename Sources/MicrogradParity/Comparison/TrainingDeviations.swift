import Micrograd

/// Which documented deviations (``Micrograd/TorchDeviation``) a training run goes through.
///
/// A run that computes a deviating function even once cannot match torch at 0 ulp: the
/// difference enters the loss, every gradient and every later step, and unlike a case program a
/// training run cannot be aligned to torch node by node. Such a run is held to 0 ulp against the
/// twin's engine-math record instead (torch with those functions' forward values from the C
/// library, see ``ModelCase/engineMath``), and its drift from torch is reported.
public enum TrainingDeviations {
    /// The deviating functions `spec` computes, with where they come from; empty when every
    /// operation of the run is exact.
    public static func of(_ spec: ModelSpec) -> [String] {
        var causes: [String] = []
        // The hidden activation only runs when there is a hidden layer.
        let hiddenTanh = spec.model.layers.count > 1 && spec.model.activation == .tanh
        if hiddenTanh || spec.model.outputActivation == .tanh {
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
