/// karpathy's max-margin loss recorded in one call: the fast path of ``Loss/maxMargin(scores:labels:)``.
extension Value {
    /// `Value.sum(zip(scores, labels).map { score, y in (1 + -y * score).relu() }) * (1.0 / n)`:
    /// the same nodes, in the same order, on the same tape (the first score's, or for a leaf the
    /// thread's), with the same values — without a `Value`, and a reference to the tape, per node.
    /// `NNLossTests` compares the two node for node and bit for bit.
    static func maxMarginLoss(scores: [Value], labels: [Double]) -> Value {
        guard let first = scores.first else { return Value.sum([]) * (1.0 / 0.0) }
        return tape(for: first).borrowed { tape in
            let data = { (node: Int32) in tape.data[Int(node)] }
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: scores.count) { losses in
                tape.withLock {
                    for i in scores.indices {
                        // `-y * score` is `score * -y`, and `1 + margin` is `margin + 1`.
                        let score = tape.index(of: scores[i]), y = -labels[i]
                        let product = tape.record(.mul, score, constant: y, data(score) * y)
                        let margin = tape.record(.add, product, constant: 1, data(product) + 1)
                        losses[i] = tape.append(.relu, TorchKernels.relu(data(margin)), margin, 0)
                    }
                    let total = tape.sum(count: scores.count) { losses[$0] }
                    let scale = 1.0 / Double(scores.count)
                    return Value(tape: tape, index: tape.record(.mul, total, constant: scale, data(total) * scale))
                }
            }
        }
    }
}
