/// How an operation is recorded: pick the tape, and holding its lock, find the operands' nodes,
/// compute the result from their values and append it.
///
/// The tape is borrowed while recording, not retained: a computed operand keeps its tape
/// alive, and the thread keeps its own tape alive. The new `Value` holds a reference: a
/// consumed computed operand's, passed on, or with leaves only a new one to the thread's tape.
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

    /// The value of node `index`, recorded on `tape` from the consumed operand `a`: a computed
    /// operand's reference to the tape passes on to the result, so recording from a temporary
    /// costs no reference counting; for a leaf, the result refers to `tape`, the thread's.
    @inlinable @inline(__always)
    static func result(_ index: Int32, on tape: Unmanaged<Tape>, from a: consuming Value) -> Value {
        a.isLeaf ? Value(tape: tape.takeUnretainedValue(), index: index) : Value(passingOn: a, index: index)
    }

    /// The same from two consumed operands: the first computed one passes its reference on.
    @inlinable @inline(__always)
    static func result(_ index: Int32, on tape: Unmanaged<Tape>, from a: consuming Value, _ b: consuming Value) -> Value {
        if !a.isLeaf { return Value(passingOn: a, index: index) }
        if !b.isLeaf { return Value(passingOn: b, index: index) }
        return Value(tape: tape.takeUnretainedValue(), index: index)
    }

    /// Records `op(a)`, whose forward result is `forward(a.data)`.
    ///
    /// The operators and functions consume their operands and are always inlined, as this is:
    /// a temporary operand (`(a * b).relu()`) is handed over at no cost and its reference to the
    /// tape becomes the result's, where borrowing it would retain the tape for the result and
    /// release it with the temporary. Measured with callgrind on a moons step of the plain
    /// form (`MicrogradBenchmark --side-by-side --only engine-plain --workloads moons`, 12
    /// steps less 2): 2,223 `swift_retain` and 2,226 `swift_release` calls per step before,
    /// 1,250, 337 `swift_retain_n` and 1,927 after.
    @inlinable @inline(__always)
    static func recordUnary(_ op: Op, _ a: consuming Value, _ forward: (Double) -> Double) -> Value {
        let tape = Value.tape(for: a)
        let index = tape.borrowed { $0.recordUnary(op, a, forward) }
        return result(index, on: tape, from: a)
    }

    /// Records `op(a, b)`, whose forward result is `forward(a.data, b.data)`.
    @inlinable @inline(__always)
    static func recordBinary(
        _ op: Op, _ a: consuming Value, _ b: consuming Value, _ forward: (Double, Double) -> Double
    ) -> Value {
        let tape = Value.tape(for: a, b)
        let index = tape.borrowed { $0.recordBinary(op, a, b, forward) }
        return result(index, on: tape, from: a, b)
    }

    /// Records `op(a, c)` (or `op(c, a)` when `constantFirst`) for a plain number `c`, whose
    /// forward result is `forward(a.data)`.
    @inlinable @inline(__always)
    static func recordWithConstant(
        _ op: Op, _ a: consuming Value, _ c: Double, constantFirst: Bool = false, _ forward: (Double) -> Double
    ) -> Value {
        let tape = Value.tape(for: a)
        let index = tape.borrowed { $0.recordWithConstant(op, a, c, constantFirst: constantFirst, forward) }
        return result(index, on: tape, from: a)
    }
}

extension Tape {
    /// Records `op(a)` on this tape, holding its lock; returns the new node.
    @inlinable func recordUnary(_ op: Op, _ a: Value, _ forward: (Double) -> Double) -> Int32 {
        withLock {
            let ia = index(of: a)
            return append(op, forward(data[Int(ia)]), ia, 0)
        }
    }

    /// Records `op(a, b)` on this tape, holding its lock; returns the new node.
    @inlinable func recordBinary(
        _ op: Op, _ a: Value, _ b: Value, _ forward: (Double, Double) -> Double
    ) -> Int32 {
        withLock {
            let ia = index(of: a)
            let ib = index(of: b)
            return append(op, forward(data[Int(ia)], data[Int(ib)]), ia, ib)
        }
    }

    /// Records `op(a, c)` (or `op(c, a)`) on this tape, holding its lock; returns the new node.
    @inlinable func recordWithConstant(
        _ op: Op, _ a: Value, _ c: Double, constantFirst: Bool, _ forward: (Double) -> Double
    ) -> Int32 {
        withLock {
            let ia = index(of: a)
            return record(op, ia, constant: c, constantFirst: constantFirst, forward(data[Int(ia)]))
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
