/// A neuron's pre-activation, `b + w0*x0 + w1*x1 + ...`, recorded as one fused node.
///
/// The result is the one micrograd's `sum((wi*xi for ...), b)` computes — the same products
/// and the same left-to-right additions, each rounded once — and the gradients are the ones
/// its chain of `mul` and `add` nodes produces: every node of that chain passes the incoming
/// gradient `g` through unchanged, so `w_i` gets `g * x_i`, `x_i` gets `g * w_i` and `b` gets
/// `g`, delivered in the order the unfused chain delivers them. Graph exports draw the chain.
extension Value {
    /// `bias + weights[0] * inputs[0] + weights[1] * inputs[1] + ...` (left to right).
    public static func weightedSum(bias: Value, weights: [Value], inputs: [Value]) -> Value {
        precondition(weights.count == inputs.count, "weightedSum: \(weights.count) weights for \(inputs.count) inputs")
        let tape = inputs.first(where: { !$0.isLeaf })?.tape ?? Value.tape(for: bias, weights.first ?? bias)
        let root = weights.withUnsafeBufferPointer { w in
            inputs.withUnsafeBufferPointer { x in
                tape.weightedSum(
                    bias: tape.index(of: bias), count: w.count,
                    weight: { tape.index(of: w[$0]) }, input: { tape.index(of: x[$0]) })
            }
        }
        return Value(tape: tape, index: root)
    }

    /// `bias + weights[0] * inputs[0] + ...` with plain-number inputs (`w * x` with a `Double`).
    public static func weightedSum(bias: Value, weights: [Value], inputs: [Double]) -> Value {
        precondition(weights.count == inputs.count, "weightedSum: \(weights.count) weights for \(inputs.count) inputs")
        let tape = Value.tape(for: bias, weights.first ?? bias)
        let root = weights.withUnsafeBufferPointer { w in
            tape.weightedSum(
                bias: tape.index(of: bias), count: w.count,
                weight: { tape.index(of: w[$0]) }, input: { tape.append(.constant, inputs[$0], 0, 0) })
        }
        return Value(tape: tape, index: root)
    }
}

extension Tape {
    /// Records `b + w(0)*x(0) + w(1)*x(1) + ...` as one `.weightedSum` node and returns its
    /// index. `weight(i)` and `input(i)` return node indices on this tape.
    @inlinable func weightedSum(
        bias: Int32, count n: Int, weight: (Int) -> Int32, input: (Int) -> Int32
    ) -> Int32 {
        reserveOperands(1 + 2 * n)
        let start = operandCount
        let terms = operands + start
        terms[0] = bias
        for i in 0..<n {
            terms[1 + 2 * i] = weight(i)
            terms[2 + 2 * i] = input(i)
        }
        // After the operands are recorded (which may grow `data`), one tight loop.
        let data = self.data
        var total = data[Int(bias)]
        for i in 0..<n {
            total = total + data[Int(terms[1 + 2 * i])] * data[Int(terms[2 + 2 * i])]
        }
        operandCount = start + 1 + 2 * n
        return append(.weightedSum, total, Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: n))
    }
}
