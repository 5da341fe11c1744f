extension Loss {
    /// EurekaLabsAI/micrograd's `cross_entropy(logits, target)`, the negative log-likelihood of
    /// the softmax: `ex = [x.exp() for x in logits]`, `denom = sum(ex)` (from Python's 0),
    /// `-(ex[target] / denom).log()`.
    ///
    /// Like Eureka's current version it does not subtract the largest logit first (so very
    /// large logits overflow). Eureka also divides the other `ex` by `denom`; those nodes do not
    /// reach the loss and are not recorded here.
    public static func crossEntropy(logits: [Value], target: Int) -> Value {
        precondition(logits.indices.contains(target), "crossEntropy: target \(target) for \(logits.count) logits")
        var ex: [Value] = []
        ex.reserveCapacity(logits.count)
        for logit in logits { ex.append(logit.exp()) }
        let denominator = Value.sum(ex)
        return -(ex[target] / denominator).log()
    }
}
