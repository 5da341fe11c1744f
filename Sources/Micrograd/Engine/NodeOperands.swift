/// What a node refers to: its operands, and the `Value` that stands for it.
extension Tape {
    /// The operand node indices of node `i`, in operator order.
    @usableFromInline func operandIndices(of i: Int) -> [Int32] {
        switch ops[i].arity {
        case 0: return []
        case 1: return [lhs[i]]
        case 2: return [lhs[i], rhs[i]]
        default:
            let terms = WeightedSumOperands(header: lhs[i], neuron: rhs[i], in: operands)
            var indices = [terms.bias]
            for k in 0..<terms.count { indices += [terms.weights[k], terms.inputs[k]] }
            return indices
        }
    }

    /// The value at node `i`, seen as its leaf when it stands for one.
    @usableFromInline func value(at i: Int32) -> Value {
        ops[Int(i)] == .leaf ? Value(leaf: leaf(at: Int(i))) : Value(tape: self, index: i)
    }
}
