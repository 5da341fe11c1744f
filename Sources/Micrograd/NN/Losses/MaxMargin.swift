extension Loss {
    /// The SVM "max-margin" loss of karpathy's moons demo for labels ±1:
    /// `losses = [(1 + -yi*scorei).relu() ...]`, then `sum(losses) * (1.0 / len(losses))`.
    ///
    /// Each node is recorded as those operators record it, in the same order, on the tape they
    /// pick (the first score's, or for a leaf the thread's); holding that tape here spares a
    /// `Value`, and a reference to the tape, per node.
    public static func maxMargin(scores: [Value], labels: [Double]) -> Value {
        precondition(scores.count == labels.count, "maxMargin: \(scores.count) scores for \(labels.count) labels")
        guard let first = scores.first else { return Value(0) * (1.0 / 0.0) }  // sum([]) * (1.0 / 0)
        let tape = Value.tape(for: first).takeUnretainedValue()
        let data = { (node: Int32) in tape.data[Int(node)] }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: scores.count) { losses in tape.withLock {
            for i in scores.indices {
                // `-yi * scorei` is torch's `scorei * -yi`, and `1 + margin` is `margin + 1`.
                let score = tape.index(of: scores[i]), y = -labels[i]
                let product = tape.record(.mul, score, constant: y, data(score) * y)
                let margin = tape.record(.add, product, constant: 1, data(product) + 1)
                losses[i] = tape.append(.relu, TorchKernels.relu(data(margin)), margin, 0)
            }
            let total = tape.pythonSum(count: scores.count) { losses[$0] }
            let scale = 1.0 / Double(scores.count)
            return Value(tape: tape, index: tape.record(.mul, total, constant: scale, data(total) * scale))
        } }
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

    /// The demo's accuracy: the fraction of points where `label > 0` and `score > 0` agree.
    public static func accuracy(scores: [Value], labels: [Double]) -> Double {
        precondition(scores.count == labels.count, "accuracy: \(scores.count) scores for \(labels.count) labels")
        let correct = zip(scores, labels).count { score, label in (label > 0) == (score.data > 0) }
        return Double(correct) / Double(scores.count)
    }
}
