/// How an operation is recorded: pick the tape, find the operands' nodes, append the result.
///
/// The tape is borrowed while recording, not retained: a computed operand keeps its tape
/// alive, and the thread keeps its own tape alive. Only the new `Value` holds a reference.
extension Value {
    /// The tape a new node with operand `a` belongs on: `a`'s, or for a leaf the thread's.
    @inlinable static func tape(for a: Value) -> Unmanaged<Tape> {
        a.isLeaf ? CurrentTape.threadTape() : Unmanaged.passUnretained(a.tape)
    }

    /// The tape a new node with operands `a` and `b` belongs on.
    @inlinable static func tape(for a: Value, _ b: Value) -> Unmanaged<Tape> {
        if !a.isLeaf { return Unmanaged.passUnretained(a.tape) }
        if !b.isLeaf { return Unmanaged.passUnretained(b.tape) }
        return CurrentTape.threadTape()
    }

    /// Records `op(self)` whose forward result is `result`.
    @inlinable func recordUnary(_ op: Op, _ result: Double) -> Value {
        Value.tape(for: self)._withUnsafeGuaranteedRef { tape in
            let a = tape.index(of: self)
            return Value(tape: tape, index: tape.append(op, result, a, 0))
        }
    }

    /// Records `op(a, b)` whose forward result is `result`.
    @inlinable static func recordBinary(_ op: Op, _ a: Value, _ b: Value, _ result: Double) -> Value {
        tape(for: a, b)._withUnsafeGuaranteedRef { tape in
            let ia = tape.index(of: a)
            let ib = tape.index(of: b)
            return Value(tape: tape, index: tape.append(op, result, ia, ib))
        }
    }

    /// Records `op(a, c)` (or `op(c, a)` when `constantFirst`) for a plain number `c`.
    @inlinable static func recordWithConstant(
        _ op: Op, _ a: Value, _ c: Double, constantFirst: Bool = false, _ result: Double
    ) -> Value {
        tape(for: a)._withUnsafeGuaranteedRef { tape in
            let ia = tape.index(of: a)
            return Value(tape: tape, index: tape.record(op, ia, constant: c, constantFirst: constantFirst, result))
        }
    }
}

extension Tape {
    /// Records `op(a, c)` (or `op(c, a)` when `constantFirst`) for node `a` and a plain number
    /// `c`, whose forward result is `result`: a ``Op/constant`` node for `c`, then the result's
    /// node, whose index it returns.
    @inlinable func record(
        _ op: Op, _ a: Int32, constant c: Double, constantFirst: Bool = false, _ result: Double
    ) -> Int32 {
        reserveNodes(2)
        let nodes = NodeColumns(of: self), constant = count, node = constant + 1
        let ic = Int32(truncatingIfNeeded: constant)
        nodes.set(constant, .constant, c, 0, 0)
        nodes.set(node, op, result, constantFirst ? ic : a, constantFirst ? a : ic)
        count = node + 1
        return Int32(truncatingIfNeeded: node)
    }
}
