extension Value {
    /// The number of nodes in the graph below this value (itself included) as micrograd counts
    /// them: every leaf, every wrapped `Double` operand, and a fused weighted sum of `n` terms
    /// as its `2n` `mul` and `add` nodes.
    public var graphNodeCount: Int {
        if isLeaf { return 1 }
        let tape = self.tape
        return tape.withLock { tape.graphNodeCount(below: Int(index)) }
    }
}

extension Tape {
    /// `graphNodeCount` of node `index`.
    func graphNodeCount(below index: Int) -> Int {
        var seen = [Bool](repeating: false, count: Int(index) + 1)
        seen[Int(index)] = true
        var total = 0
        for i in stride(from: Int(index), through: 0, by: -1) where seen[i] {
            let operands = operandIndices(of: i)
            total += ops[i] == .weightedSum ? operands.count - 1 : 1
            for operand in operands { seen[Int(operand)] = true }
        }
        return total
    }
}
