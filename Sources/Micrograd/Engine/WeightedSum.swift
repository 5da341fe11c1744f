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
        let tape =
            inputs.first(where: { !$0.isLeaf })?.tape
            ?? Value.tape(for: bias, weights.first ?? bias).takeUnretainedValue()
        let root = weights.withUnsafeBufferPointer { w in
            inputs.withUnsafeBufferPointer { x in
                tape.withLock {
                    tape.weightedSum(
                        bias: tape.index(of: bias), count: w.count,
                        weight: { tape.index(of: w[$0]) }, input: { tape.index(of: x[$0]) })
                }
            }
        }
        return Value(tape: tape, index: root)
    }

    /// `constant + values[0] * values[0] + values[1] * values[1] + ...`: the weighted sum whose
    /// weights and inputs are both `values`, the constant recorded as a ``Op/constant`` node
    /// (Python's `sum((p*p for p in parameters))` starts from the integer 0).
    static func weightedSum(constant: Double, squaring values: [Value]) -> Value {
        let tape = values.first(where: { !$0.isLeaf })?.tape ?? CurrentTape.forNewGraph()
        let root = values.withUnsafeBufferPointer { v in
            tape.withLock {
                let bias = tape.append(.constant, constant, 0, 0)
                return tape.weightedSum(bias: bias, count: v.count) { terms in
                    // Each value is its term's weight and input: one lookup for both.
                    for i in v.indices {
                        let node = tape.index(of: v[i])
                        terms.weights[i] = node
                        terms.inputs[i] = node
                    }
                }
            }
        }
        return Value(tape: tape, index: root)
    }

    /// `bias + weights[0] * inputs[0] + ...` with plain-number inputs (`w * x` with a `Double`).
    public static func weightedSum(bias: Value, weights: [Value], inputs: [Double]) -> Value {
        precondition(weights.count == inputs.count, "weightedSum: \(weights.count) weights for \(inputs.count) inputs")
        let tape = Value.tape(for: bias, weights.first ?? bias).takeUnretainedValue()
        let root = weights.withUnsafeBufferPointer { w in
            tape.withLock {
                tape.weightedSum(
                    bias: tape.index(of: bias), count: w.count,
                    weight: { tape.index(of: w[$0]) }, input: { tape.append(.constant, inputs[$0], 0, 0) })
            }
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
    @inlinable @inline(__always) func weightedSum(
        bias: Int32, count n: Int, weight: (Int) -> Int32, input: (Int) -> Int32
    ) -> Int32 {
        weightedSum(bias: bias, count: n) { terms in
            for i in 0..<n {
                terms.weights[i] = weight(i)
                terms.inputs[i] = input(i)
            }
        }
    }

    /// Records a `.weightedSum` node of bias `b` and `n` terms and returns its index.
    /// `recordTerms` writes the terms' weight and input node indices, in term order.
    @inlinable @inline(__always) func weightedSum(
        bias: Int32, count n: Int, terms recordTerms: (WeightedSumOperands) -> Void
    ) -> Int32 {
        reserveOperands(5 + 2 * n)
        let header = operandCount
        let biasAt = header + 4, weightsAt = biasAt + 1, inputsAt = weightsAt + n
        operands[header] = Int32(truncatingIfNeeded: n)
        operands[header + 1] = Int32(truncatingIfNeeded: biasAt)
        operands[header + 2] = Int32(truncatingIfNeeded: weightsAt)
        operands[header + 3] = Int32(truncatingIfNeeded: inputsAt)
        operands[biasAt] = bias
        let terms = WeightedSumOperands(header: Int32(truncatingIfNeeded: header), neuron: 0, in: operands)
        // `recordTerms` may record leaves and constants, which grows the node columns but never
        // `operands`, where `terms` points.
        recordTerms(terms)
        assert(terms.weights == operands + weightsAt, "weightedSum: the operand buffer moved while its terms were recorded")
        operandCount = inputsAt + n
        // After the operands are recorded (which may grow `data`), one tight loop.
        let data = self.data
        var total = data[Int(terms.bias)]
        for i in 0..<n {
            total = total + data[Int(terms.weights[i])] * data[Int(terms.inputs[i])]
        }
        return append(.weightedSum, total, Int32(truncatingIfNeeded: header), 0)
    }
}
