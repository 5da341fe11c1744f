import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The storage of a leaf: a number created with `Value(_:)`, such as a weight or an input.
///
/// Leaves live on their own, outside any tape, so a model's parameters never keep a training
/// step's graph alive. The first time a tape uses a leaf it records a `.leaf` node that points
/// here; the leaf remembers that node (`tapeStamp`, `tapeIndex`) so later uses on the same tape
/// share it, exactly as every use of a tensor in torch shares one `AccumulateGrad`.
@usableFromInline
final class Leaf: NodeOwner {
    /// The leaf's numbers, kept outside the object so the hot path reads them without
    /// Swift's dynamic exclusivity checks on class properties.
    @usableFromInline
    struct State {
        /// First, so that `NodeOwner.data` points at it.
        @usableFromInline var data: Double
        @usableFromInline var grad: Double = 0
        @usableFromInline var hasGrad = false
        /// The stamp of the tape (and its epoch) holding this leaf's `.leaf` node, or 0.
        @usableFromInline var tapeStamp: UInt64 = 0
        @usableFromInline var tapeIndex: Int32 = 0

        @usableFromInline init(data: Double) { self.data = data }

        /// Adds one backward pass's gradient `g`, as torch's `AccumulateGrad` does: the first
        /// gradient since ``Value/zeroGrad()`` is stored as it is, later ones are added.
        @inlinable mutating func accumulate(_ g: Double) {
            grad = hasGrad ? grad + g : g
            hasGrad = true
        }
    }

    @exclusivity(unchecked) @usableFromInline var label: String

    @usableFromInline init(_ value: Double, label: String) {
        // `malloc`, not `allocate(capacity:)`: that takes the runtime's aligned-allocation path
        // (`posix_memalign`), about twice the cost.
        let state = malloc(MemoryLayout<State>.stride)!.bindMemory(to: State.self, capacity: 1)
        state.initialize(to: State(data: value))
        self.label = label
        super.init(data: UnsafeMutableRawPointer(state).assumingMemoryBound(to: Double.self))
    }

    deinit { free(state) }

    /// A leaf holding `value` and `label`: one this thread's tape spared (see `SpareLeaves`),
    /// reset, or else a new one.
    @usableFromInline static func make(_ value: Double, label: String) -> Leaf {
        guard let leaf = CurrentTape.spareLeaf() else { return Leaf(value, label: label) }
        leaf.state.pointee = State(data: value)
        // Most leaves are unlabelled: an empty label stays in place rather than being replaced.
        if !(label.isEmpty && leaf.label.isEmpty) { leaf.label = label }
        return leaf
    }

    @inlinable var state: UnsafeMutablePointer<State> {
        UnsafeMutableRawPointer(data).assumingMemoryBound(to: State.self)
    }

    @inlinable var value: Double { state.pointee.data }

    /// The gradient accumulated since the last ``Value/zeroGrad()`` (0 if none).
    @inlinable var grad: Double { state.pointee.hasGrad ? state.pointee.grad : 0 }

    /// Sets the leaf's value (`p.data -= lr * p.grad`). Nodes recorded before keep the value
    /// they were computed with; the next use records the leaf afresh with its new value.
    @inlinable func setData(_ newValue: Double) {
        Leaf.setData(state, newValue)
        Leaf.noteDataChanges()
    }

    /// `setData` on a leaf's state, leaving `noteDataChanges()` to the caller.
    @inlinable static func setData(_ state: UnsafeMutablePointer<State>, _ newValue: Double) {
        state.pointee.data = newValue
        state.pointee.tapeStamp = 0
    }

    /// Tells caches of leaf node indices that leaves may have been recorded afresh.
    @inlinable static func noteDataChanges() {
        dataChanges.add(1, ordering: .relaxed)
    }

    /// Counts changes of leaf values on every thread, so caches of leaf node indices (see
    /// `FusedLayer`) know when a leaf may have been recorded afresh.
    @usableFromInline static let dataChanges = Atomic<UInt64>(0)

    /// Sets the gradient, or forgets it (torch's `None`) when `newValue` is nil.
    @inlinable func setGrad(_ newValue: Double?) {
        state.pointee.grad = newValue ?? 0
        state.pointee.hasGrad = newValue != nil
    }

    /// Adds one backward pass's gradient `g` (see `State.accumulate`).
    @inlinable func accumulate(_ g: Double) { state.pointee.accumulate(g) }
}
