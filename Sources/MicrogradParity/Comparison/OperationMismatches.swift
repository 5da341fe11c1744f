import Micrograd

extension CaseComparison {
    /// The mismatches `op` is part of: the values `op` computed, and the gradients its backward
    /// formula sent to its operands (a gradient with several consumers counts for each of their
    /// operations, as in ``OpStatistics``).
    public func mismatches(involving op: Op) -> [NodeMismatch] {
        let steps = program.steps
        let values = valueMismatches.filter { steps[$0.node].op == op }
        let grads = gradMismatches.filter { mismatch in
            steps.contains { $0.op == op && $0.operands.contains(mismatch.node) }
        }
        return values + grads
    }
}
