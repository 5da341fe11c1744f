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

    /// `constant + weights[0] * inputs[0] + ...`, the constant recorded as a ``Op/constant``
    /// node (Python's `sum` starts from the integer 0).
    static func weightedSum(constant: Double, weights: [Value], inputs: [Value]) -> Value {
        precondition(weights.count == inputs.count, "weightedSum: \(weights.count) weights for \(inputs.count) inputs")
        let tape = inputs.first(where: { !$0.isLeaf })?.tape ?? weights.first(where: { !$0.isLeaf })?.tape
            ?? CurrentTape.forNewGraph()
        let bias = tape.append(.constant, constant, 0, 0)
        let root = weights.withUnsafeBufferPointer { w in
            inputs.withUnsafeBufferPointer { x in
                tape.weightedSum(
                    bias: bias, count: w.count,
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

/// The operands of a `.weightedSum` node. Its `lhs` points at a header in the tape's
/// `operands`, `[n, biasesAt, weightsAt, inputsAt]`, shared by the neurons of one layer applied
/// to one sample; its `rhs` is its neuron `j` in that layer. Neuron `j` adds bias
/// `operands[biasesAt + j]`, weights `operands[weightsAt + j * n ..< + n]` and inputs
/// `operands[inputsAt ..< + n]`. A single weighted sum is a layer of one neuron.
@usableFromInline
struct WeightedSumOperands {
    @usableFromInline let count: Int
    @usableFromInline let bias: Int32
    @usableFromInline let weights: UnsafeMutablePointer<Int32>
    @usableFromInline let inputs: UnsafeMutablePointer<Int32>

    @inlinable init(header: Int32, neuron j: Int32, in operands: UnsafeMutablePointer<Int32>) {
        let h = operands + Int(header)
        count = Int(h[0])
        bias = operands[Int(h[1]) + Int(j)]
        weights = operands + Int(h[2]) + Int(j) * count
        inputs = operands + Int(h[3])
    }
}

extension Tape {
    /// Records `b + w(0)*x(0) + w(1)*x(1) + ...` as one `.weightedSum` node and returns its
    /// index. `weight(i)` and `input(i)` return node indices on this tape.
    @inlinable func weightedSum(
        bias: Int32, count n: Int, weight: (Int) -> Int32, input: (Int) -> Int32
    ) -> Int32 {
        reserveOperands(5 + 2 * n)
        let header = operandCount
        let biasAt = header + 4, weightsAt = biasAt + 1, inputsAt = weightsAt + n
        operands[header] = Int32(truncatingIfNeeded: n)
        operands[header + 1] = Int32(truncatingIfNeeded: biasAt)
        operands[header + 2] = Int32(truncatingIfNeeded: weightsAt)
        operands[header + 3] = Int32(truncatingIfNeeded: inputsAt)
        operands[biasAt] = bias
        for i in 0..<n {
            operands[weightsAt + i] = weight(i)
            operands[inputsAt + i] = input(i)
        }
        operandCount = inputsAt + n
        // After the operands are recorded (which may grow `data`), one tight loop.
        let terms = WeightedSumOperands(header: Int32(truncatingIfNeeded: header), neuron: 0, in: operands)
        let data = self.data
        var total = data[Int(terms.bias)]
        for i in 0..<n {
            total = total + data[Int(terms.weights[i])] * data[Int(terms.inputs[i])]
        }
        return append(.weightedSum, total, Int32(truncatingIfNeeded: header), 0)
    }
}
