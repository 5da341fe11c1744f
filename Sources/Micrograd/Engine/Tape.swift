import Synchronization

/// A graph recorded in creation order: the engine's "tape".
///
/// Node `i` of a tape stores its value, its operation and the tape indices of its operands in
/// flat arrays (struct of arrays), so recording a node is a few stores and `backward()` is one
/// sweep backwards over the arrays — no per-node objects, closures or recursion. Sweeping in
/// reverse creation order is also what makes the gradients bit-identical to torch's: its
/// autograd engine accumulates each node's incoming gradients in that order.
@usableFromInline
final class Tape: NodeOwner {
    /// Flag bits per node.
    @usableFromInline static let reached: UInt8 = 1
    @usableFromInline static let hasGrad: UInt8 = 2

    @usableFromInline var count = 0
    @usableFromInline var capacity = 0
    @usableFromInline var data: UnsafeMutablePointer<Double>
    /// The gradient accumulated across backward passes, valid where `hasGrad` is set.
    @usableFromInline var grad: UnsafeMutablePointer<Double>
    /// The gradient flowing in during the running backward pass, valid where `reached` is set.
    @usableFromInline var pending: UnsafeMutablePointer<Double>
    @usableFromInline var flags: UnsafeMutablePointer<UInt8>
    @usableFromInline var ops: UnsafeMutablePointer<Op>
    /// First operand; for a `.leaf` node, the index into `leaves`.
    @usableFromInline var lhs: UnsafeMutablePointer<Int32>
    /// Second operand (binary operations only).
    @usableFromInline var rhs: UnsafeMutablePointer<Int32>
    /// The leaves this tape's `.leaf` nodes stand for, kept alive by the tape.
    @usableFromInline var leaves: [Leaf] = []
    /// The node index of each entry of `leaves`.
    @usableFromInline var leafNodes: [Int32] = []
    /// Labels given to computed nodes (leaves keep their own).
    @usableFromInline var labels: [Int32: String] = [:]
    /// Unique per tape and per reset: tells a leaf whether its cached node index is still valid.
    @usableFromInline var stamp: UInt64

    private static let stamps = Atomic<UInt64>(0)

    @usableFromInline override init() {
        data = .allocate(capacity: 0)
        grad = .allocate(capacity: 0)
        pending = .allocate(capacity: 0)
        flags = .allocate(capacity: 0)
        ops = .allocate(capacity: 0)
        lhs = .allocate(capacity: 0)
        rhs = .allocate(capacity: 0)
        stamp = Tape.newStamp()
        super.init()
        grow(to: 1024)
    }

    deinit {
        data.deallocate(); grad.deallocate(); pending.deallocate(); flags.deallocate()
        ops.deallocate(); lhs.deallocate(); rhs.deallocate()
    }

    private static func newStamp() -> UInt64 {
        stamps.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Forgets every node so the memory can record the next graph.
    @usableFromInline func reset() {
        count = 0
        leaves.removeAll(keepingCapacity: true)
        leafNodes.removeAll(keepingCapacity: true)
        labels.removeAll()
        stamp = Tape.newStamp()
    }

    @usableFromInline func grow(to newCapacity: Int) {
        func move<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
            new.moveInitialize(from: old, count: count)
            old.deallocate()
            return new
        }
        data = move(data); grad = move(grad); pending = move(pending); flags = move(flags)
        ops = move(ops); lhs = move(lhs); rhs = move(rhs)
        capacity = newCapacity
    }

    // MARK: Recording

    /// Appends a node and returns its index.
    @inlinable @inline(__always)
    func append(_ op: Op, _ value: Double, _ a: Int32, _ b: Int32) -> Int32 {
        if _slowPath(count == capacity) { grow(to: capacity * 2) }
        let i = count
        data[i] = value
        ops[i] = op
        lhs[i] = a
        rhs[i] = b
        flags[i] = 0
        count = i + 1
        return Int32(truncatingIfNeeded: i)
    }

    /// The index of the node standing for `leaf` on this tape, recording it on first use.
    @inlinable func index(of leaf: Leaf) -> Int32 {
        if leaf.tapeStamp == stamp { return leaf.tapeIndex }
        let i = append(.leaf, leaf.data, Int32(truncatingIfNeeded: leaves.count), 0)
        leaves.append(leaf)
        leafNodes.append(i)
        leaf.tapeStamp = stamp
        leaf.tapeIndex = i
        return i
    }

    /// The index of `value`'s node on this tape.
    @inlinable func index(of value: Value) -> Int32 {
        if value.index >= 0 {
            if _slowPath(value.owner !== self) { Tape.mixedGraphs() }
            return value.index
        }
        return index(of: unsafeDowncast(value.owner, to: Leaf.self))
    }

    @usableFromInline static func mixedGraphs() -> Never {
        fatalError("""
            Values recorded on different threads' tapes cannot be combined: build a graph on one \
            thread (Value is not Sendable), or start from leaves (`Value(x.data)`) on this thread.
            """)
    }

    /// The leaf behind a `.leaf` node.
    @inlinable func leaf(at i: Int) -> Leaf { leaves[Int(lhs[i])] }

    /// Copies every leaf's current value into its node, so a backward pass after
    /// `p.data = ...` sees the new value, as micrograd's closures and torch's shared storage do.
    @usableFromInline func refreshLeafData() {
        for k in leaves.indices { data[Int(leafNodes[k])] = leaves[k].data }
    }

    // MARK: Gradients

    /// The gradient of node `i` (0 before any backward pass reaches it).
    @inlinable func gradient(at i: Int) -> Double {
        if ops[i] == .leaf { return leaf(at: i).grad }
        return flags[i] & Tape.hasGrad != 0 ? grad[i] : 0
    }

    /// Sets node `i`'s gradient, or clears it when `newValue` is nil.
    @inlinable func setGradient(at i: Int, _ newValue: Double?) {
        if ops[i] == .leaf {
            let leaf = leaf(at: i)
            leaf.grad = newValue ?? 0
            leaf.hasGrad = newValue != nil
            return
        }
        grad[i] = newValue ?? 0
        flags[i] = newValue == nil ? flags[i] & ~Tape.hasGrad : flags[i] | Tape.hasGrad
    }
}
