/// How an operation is recorded: pick the tape, and holding its lock, find the operands' nodes,
/// compute the result from their values and append it.
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

    /// Records `op(self)`, whose forward result is `forward(self.data)`.
    @inlinable func recordUnary(_ op: Op, _ forward: (Double) -> Double) -> Value {
        Value.tape(for: self).borrowed { tape in
            tape.withLock {
                let a = tape.index(of: self)
                return Value(tape: tape, index: tape.append(op, forward(tape.data[Int(a)]), a, 0))
            }
        }
    }

    /// Records `op(a, b)`, whose forward result is `forward(a.data, b.data)`.
    @inlinable static func recordBinary(
        _ op: Op, _ a: Value, _ b: Value, _ forward: (Double, Double) -> Double
    ) -> Value {
        tape(for: a, b).borrowed { tape in
            tape.withLock {
                let ia = tape.index(of: a)
                let ib = tape.index(of: b)
                let result = forward(tape.data[Int(ia)], tape.data[Int(ib)])
                return Value(tape: tape, index: tape.append(op, result, ia, ib))
            }
        }
    }

    /// Records `op(a, c)` (or `op(c, a)` when `constantFirst`) for a plain number `c`, whose
    /// forward result is `forward(a.data)`.
    @inlinable static func recordWithConstant(
        _ op: Op, _ a: Value, _ c: Double, constantFirst: Bool = false, _ forward: (Double) -> Double
    ) -> Value {
        tape(for: a).borrowed { tape in
            tape.withLock {
                let ia = tape.index(of: a)
                let result = forward(tape.data[Int(ia)])
                return Value(tape: tape, index: tape.record(op, ia, constant: c, constantFirst: constantFirst, result))
            }
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
