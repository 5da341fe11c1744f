/// How an operation is recorded: pick the tape, find the operands' nodes, append the result.
extension Value {
    /// The tape a new node with these operands belongs on.
    @inlinable static func tape(for a: Value) -> Tape {
        a.isLeaf ? CurrentTape.forNewGraph() : a.tape
    }

    @inlinable static func tape(for a: Value, _ b: Value) -> Tape {
        if !a.isLeaf { return a.tape }
        if !b.isLeaf { return b.tape }
        return CurrentTape.forNewGraph()
    }

    /// Records `op(self)` whose forward result is `result`.
    @inlinable func recordUnary(_ op: Op, _ result: Double) -> Value {
        let tape = Value.tape(for: self)
        let a = tape.index(of: self)
        return Value(tape: tape, index: tape.append(op, result, a, 0))
    }

    /// Records `op(a, b)` whose forward result is `result`.
    @inlinable static func recordBinary(_ op: Op, _ a: Value, _ b: Value, _ result: Double) -> Value {
        let tape = tape(for: a, b)
        let ia = tape.index(of: a)
        let ib = tape.index(of: b)
        return Value(tape: tape, index: tape.append(op, result, ia, ib))
    }

    /// Records `op(a, c)` (or `op(c, a)` when `constantFirst`) for a plain number `c`.
    @inlinable static func recordWithConstant(
        _ op: Op, _ a: Value, _ c: Double, constantFirst: Bool = false, _ result: Double
    ) -> Value {
        let tape = tape(for: a)
        let ia = tape.index(of: a)
        let ic = tape.append(.constant, c, 0, 0)
        let node = constantFirst ? tape.append(op, result, ic, ia) : tape.append(op, result, ia, ic)
        return Value(tape: tape, index: node)
    }
}
