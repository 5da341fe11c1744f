extension Loss {
    /// The SVM "max-margin" loss of karpathy's moons demo for labels ±1:
    /// `losses = [(1 + -yi*scorei).relu() ...]`, then `sum(losses) * (1.0 / len(losses))`.
    ///
    /// That is `Value.sum(zip(scores, labels).map { score, y in (1 + -y * score).relu() })`
    /// times `1.0 / Double(scores.count)`, which the engine's fast path records node for node in
    /// one call (`Value.maxMarginLoss`).
    public static func maxMargin(scores: [Value], labels: [Double]) -> Value {
        precondition(scores.count == labels.count, "maxMargin: \(scores.count) scores for \(labels.count) labels")
        return Value.maxMarginLoss(scores: scores, labels: labels)
    }

    /// The demo's L2 regularization, `alpha * sum((p*p for p in parameters))`.
    ///
    /// Python's sum is `0 + p0*p0 + p1*p1 + ...`: a weighted sum with bias 0 and each parameter
    /// as both weight and input, recorded as one node. It has the chain's values, and each term
    /// sends `g * p` twice to its parameter, as the `mul` node `p * p` does.
    public static func l2(_ parameters: [Value], alpha: Double) -> Value {
        guard !parameters.isEmpty else { return alpha * Value(0) }
        return alpha * Value.weightedSum(constant: 0, squaring: parameters)
    }
}
