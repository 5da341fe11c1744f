import Synchronization

/// A graph recorded in creation order: the engine's "tape".
///
/// Node `i` of a tape stores its value, its operation and the tape indices of its operands in
/// flat arrays (struct of arrays), so recording a node is a few stores and `backward()` is one
/// sweep backwards over the arrays — no per-node objects, closures or recursion. Sweeping in
/// reverse creation order is also what makes the gradients bit-identical to torch's: its
/// autograd engine accumulates each node's incoming gradients in that order.
///
/// ## Ownership (the unsafe-code contract)
///
/// - **Owned buffers.** The tape allocates, moves when it grows, and frees in `deinit`: the
///   node columns `data`, `grad`, `hasGrad`, `ops`, `lhs`, `rhs` (`capacity` entries, the first
///   `count` in use; grown by `grow(to:)`), `operands` (`operandCapacity`, `operandCount`;
///   `growOperands(to:)`), `leaves` and `leafStates` (`leafCapacity`, `leafCount`;
///   `growLeaves(to:)`), and the buffers of `heldLeaves` and `fastPath` (its scratch memory grows
///   in `FastPath.scratch(count:)`). A backward pass after an earlier one swaps `grad` and
///   `hasGrad` for buffers of its own and frees them before it returns.
/// - **Owned references.** One retain per entry of `heldLeaves` (leaves recorded on their own)
///   and of `fastPath.heldLayers` (fused layers, each holding its parameters' leaves), released
///   by `reset(sparing:)` and `deinit`. The entries of `leaves` are not retained: one of those
///   two keeps each alive. `leafStates[k]` points at leaf `k`'s `Leaf.State`, which lives as
///   long as the leaf.
/// - **Borrowed pointers.** Copies of a buffer's address (`NodeColumns`, a local `operands` or
///   `leafStates`, `WeightedSumOperands`, a layer's inputs or scratch memory) are valid until
///   that buffer next grows, and are never kept after the lock is released. Code that holds one
///   across a call that may grow a buffer checks, in debug builds, that the buffer did not move
///   (`NodeColumns.assertValid(for:)`, and `assert`s comparing the addresses).
/// - **The lock** (`withLock`, see `TapeLock.swift`) protects every field and everything the
///   tape owns; recording and backward passes also write the states of the leaves they use
///   while holding it. The fields opt out of Swift's dynamic exclusivity checks
///   (`@exclusivity(unchecked)`) because the lock is what serialises access to them.
@usableFromInline
final class Tape: NodeOwner {
    @exclusivity(unchecked) @usableFromInline var count = 0
    @exclusivity(unchecked) @usableFromInline var capacity = 0
    /// The gradient of each node, valid where `hasGrad` is set. A new node starts at -0.0, the
    /// identity of addition, so the first incoming gradient is stored exactly (torch's
    /// `InputBuffer`), sign of zero included.
    @exclusivity(unchecked) @usableFromInline var grad: UnsafeMutablePointer<Double>
    /// Whether a backward pass reached the node (or its gradient was set).
    @exclusivity(unchecked) @usableFromInline var hasGrad: UnsafeMutablePointer<Bool>
    @exclusivity(unchecked) @usableFromInline var ops: UnsafeMutablePointer<Op>
    /// First operand; for a `.leaf` node the index into `leaves`; for a `.weightedSum` node
    /// its header in `operands` (see `WeightedSumOperands`).
    @exclusivity(unchecked) @usableFromInline var lhs: UnsafeMutablePointer<Int32>
    /// Second operand; for a `.weightedSum` node its neuron in the header's layer.
    @exclusivity(unchecked) @usableFromInline var rhs: UnsafeMutablePointer<Int32>
    /// Headers and node lists of `.weightedSum` nodes and dense layers.
    @exclusivity(unchecked) @usableFromInline var operands: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) @usableFromInline var operandCount = 0
    @exclusivity(unchecked) @usableFromInline var operandCapacity = 0
    /// The leaves this tape's `.leaf` nodes stand for, kept alive by `heldLeaves` and
    /// `fastPath.heldLayers`.
    @exclusivity(unchecked) @usableFromInline var leaves: UnsafeMutablePointer<Unmanaged<Leaf>>
    /// Their states, side by side, for the backward pass.
    @exclusivity(unchecked) @usableFromInline var leafStates: UnsafeMutablePointer<UnsafeMutablePointer<Leaf.State>>
    @exclusivity(unchecked) @usableFromInline var leafCount = 0
    @exclusivity(unchecked) @usableFromInline var leafCapacity = 0
    /// The leaves recorded on their own (inputs, mostly), retained so they outlive every other
    /// reference to them.
    @exclusivity(unchecked) @usableFromInline var heldLeaves = RetainedObjects<Leaf>()
    /// The fast path's state on this tape: dense blocks, fused layers kept alive, scratch memory.
    @exclusivity(unchecked) var fastPath = FastPath()
    /// Labels given to computed nodes (leaves keep their own).
    @exclusivity(unchecked) @usableFromInline var labels: [Int32: String] = [:]
    /// Set once any gradient on this tape is non-fresh (a backward pass ran or one was set).
    @exclusivity(unchecked) @usableFromInline var hasGradients = false
    /// Unique per tape and per reset: tells a leaf whether its cached node index is still valid.
    @exclusivity(unchecked) @usableFromInline var stamp: UInt64
    /// Held by whichever thread is reading or writing the tape (see `withLock`).
    @usableFromInline let lockWord = Atomic<Bool>(false)

    private static let stamps = Atomic<UInt64>(0)

    @usableFromInline init() {
        grad = .allocate(capacity: 0)
        hasGrad = .allocate(capacity: 0)
        ops = .allocate(capacity: 0)
        lhs = .allocate(capacity: 0)
        rhs = .allocate(capacity: 0)
        operands = .allocate(capacity: 0)
        leaves = .allocate(capacity: 0)
        leafStates = .allocate(capacity: 0)
        stamp = Tape.newStamp()
        super.init(data: .allocate(capacity: 0))
        grow(to: 1024)
        growOperands(to: 1024)
    }

    deinit {
        heldLeaves.deallocate()
        fastPath.deallocate()
        leaves.deallocate()
        leafStates.deallocate()
        data.deallocate(); grad.deallocate(); hasGrad.deallocate()
        ops.deallocate(); lhs.deallocate(); rhs.deallocate(); operands.deallocate()
    }

    private static func newStamp() -> UInt64 {
        stamps.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Forgets every node so the memory can record the next graph. The leaves it held that
    /// nothing else refers to go to `spareLeaves`, for the thread's next `Value(_:)`s.
    func reset(sparing spareLeaves: inout SpareLeaves) {
        count = 0
        operandCount = 0
        heldLeaves.removeAll { spareLeaves.recycle($0) }
        fastPath.reset()
        leafCount = 0
        labels.removeAll()
        hasGradients = false
        stamp = Tape.newStamp()
    }

    private static func move<T>(_ old: UnsafeMutablePointer<T>, _ count: Int, _ capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    @usableFromInline func grow(to newCapacity: Int) {
        data = Tape.move(data, count, newCapacity)
        grad = Tape.move(grad, count, newCapacity)
        hasGrad = Tape.move(hasGrad, count, newCapacity)
        ops = Tape.move(ops, count, newCapacity)
        lhs = Tape.move(lhs, count, newCapacity)
        rhs = Tape.move(rhs, count, newCapacity)
        capacity = newCapacity
    }

    @usableFromInline func growOperands(to newCapacity: Int) {
        operands = Tape.move(operands, operandCount, newCapacity)
        operandCapacity = newCapacity
    }

    // MARK: Recording

    /// Makes room for `n` more nodes.
    @inlinable @inline(__always)
    func reserveNodes(_ n: Int) {
        if count + n > capacity { grow(to: Swift.max(capacity * 2, count + n)) }
    }

    /// Appends a node and returns its index.
    @inlinable @inline(__always)
    func append(_ op: Op, _ value: Double, _ a: Int32, _ b: Int32) -> Int32 {
        if count == capacity { grow(to: capacity * 2) }
        let i = count
        NodeColumns(of: self).set(i, op, value, a, b)
        count = i + 1
        return Int32(truncatingIfNeeded: i)
    }

    /// Reserves room for `n` more entries in `operands`.
    @inlinable @inline(__always)
    func reserveOperands(_ n: Int) {
        if operandCount + n > operandCapacity {
            growOperands(to: Swift.max(operandCapacity * 2, operandCount + n))
        }
    }

    /// The index of the node standing for `leaf` on this tape, recording it on first use.
    @inlinable @inline(__always)
    func index(of leaf: Unmanaged<Leaf>) -> Int32 {
        let state = leaf.borrowed { $0.state }
        return state.pointee.tapeStamp == stamp ? state.pointee.tapeIndex : record(leaf)
    }

    /// Records a `.leaf` node for `leaf` and keeps the leaf alive as long as the tape holds it.
    ///
    /// It releases nothing: it retains the leaf, and growing buffers frees memory but no object.
    /// `@_effects(releasenone)` (underscored) tells the optimiser so, and callers then keep what
    /// they borrowed across the call without a retain and a release around it; measured with
    /// callgrind on `MicrogradBenchmark 5`, removing it costs +1.69 M instructions (+0.8%).
    @usableFromInline @inline(never) @_effects(releasenone) func record(_ leaf: Unmanaged<Leaf>) -> Int32 {
        heldLeaves.append(leaf)
        reserveNodes(1)
        reserveLeaves(1)
        return recordKeptLeaf(leaf)
    }

    /// Records a `.leaf` node for `leaf`, which the tape already keeps alive; needs
    /// room reserved with `reserveLeaves` and `reserveNodes`.
    @inlinable @inline(__always)
    func recordKeptLeaf(_ leaf: Unmanaged<Leaf>) -> Int32 {
        let state = leaf.borrowed { $0.state }
        let i = count
        NodeColumns(of: self).set(i, .leaf, state.pointee.data, Int32(truncatingIfNeeded: leafCount), 0)
        count = i + 1
        leaves[leafCount] = leaf
        leafStates[leafCount] = state
        leafCount += 1
        state.pointee.tapeStamp = stamp
        state.pointee.tapeIndex = Int32(truncatingIfNeeded: i)
        return Int32(truncatingIfNeeded: i)
    }

    /// Makes room for `n` more leaves.
    @inlinable @inline(__always)
    func reserveLeaves(_ n: Int) {
        if leafCount + n > leafCapacity { growLeaves(to: Swift.max(2 * leafCapacity, leafCount + n, 64)) }
    }

    @usableFromInline func growLeaves(to newCapacity: Int) {
        leaves = Tape.move(leaves, leafCount, newCapacity)
        leafStates = Tape.move(leafStates, leafCount, newCapacity)
        leafCapacity = newCapacity
    }

    /// The index of `value`'s node on this tape.
    @inlinable @inline(__always)
    func index(of value: Value) -> Int32 {
        if value.index >= 0 {
            if value.owner !== self { Tape.mixedGraphs() }
            return value.index
        }
        return index(of: Unmanaged.passUnretained(unsafeDowncast(value.owner, to: Leaf.self)))
    }

    @usableFromInline static func mixedGraphs() -> Never {
        fatalError(
            """
            Values recorded on different threads' tapes cannot be combined in one operation: record \
            a graph on one thread or task (an async function may resume on another thread after an \
            await), or carry a number across as a new leaf, `Value(x.data)`.
            """)
    }

    /// The leaf behind a `.leaf` node.
    @inlinable func leaf(at i: Int) -> Leaf { leaves[Int(lhs[i])].takeUnretainedValue() }

    // MARK: Gradients

    /// The gradient of node `i` (0 before any backward pass reaches it).
    @inlinable func gradient(at i: Int) -> Double {
        if ops[i] == .leaf { return leaf(at: i).grad }
        return hasGrad[i] ? grad[i] : 0
    }

    /// Sets node `i`'s gradient, or clears it when `newValue` is nil.
    @usableFromInline func setGradient(at i: Int, _ newValue: Double?) {
        if ops[i] == .leaf {
            leaf(at: i).setGrad(newValue)
            return
        }
        grad[i] = newValue ?? -0.0
        hasGrad[i] = newValue != nil
        hasGradients = true
    }
}

/// The node arrays of a tape, copied out of it: writing through them cannot change the tape's
/// fields, so a loop writing many nodes keeps them in registers. Valid until the tape grows.
@usableFromInline
struct NodeColumns {
    @usableFromInline let data: UnsafeMutablePointer<Double>
    @usableFromInline let grad: UnsafeMutablePointer<Double>
    @usableFromInline let hasGrad: UnsafeMutablePointer<Bool>
    @usableFromInline let ops: UnsafeMutablePointer<Op>
    @usableFromInline let lhs: UnsafeMutablePointer<Int32>
    @usableFromInline let rhs: UnsafeMutablePointer<Int32>

    @inlinable init(of tape: Tape) {
        data = tape.data
        grad = tape.grad
        hasGrad = tape.hasGrad
        ops = tape.ops
        lhs = tape.lhs
        rhs = tape.rhs
    }

    /// Writes node `i`: operation `op` with value `value` and operands `a`, `b`, and a fresh
    /// gradient (-0.0, the identity of addition, so the first one added is stored exactly,
    /// like torch's `InputBuffer`).
    @inlinable @inline(__always)
    func set(_ i: Int, _ op: Op, _ value: Double, _ a: Int32, _ b: Int32) {
        data[i] = value
        grad[i] = -0.0
        hasGrad[i] = false
        ops[i] = op
        lhs[i] = a
        rhs[i] = b
    }

    /// Adds `g` to the gradient flowing into node `i` and marks it reached. Gradients start at
    /// -0.0, so the first contribution is stored exactly (torch's `InputBuffer`); later ones are
    /// added in the order they arrive.
    @inlinable @inline(__always)
    func flow(_ g: Double, into i: Int32) {
        grad[Int(i)] += g
        hasGrad[Int(i)] = true
    }

    /// Debug builds: stops if `tape`'s node arrays moved (the tape grew) since these were copied
    /// from it, which would leave these pointing at freed memory.
    @inlinable
    func assertValid(for tape: Tape) {
        assert(
            data == tape.data && grad == tape.grad && hasGrad == tape.hasGrad && ops == tape.ops
                && lhs == tape.lhs && rhs == tape.rhs,
            "node columns used after the tape grew")
    }
}
