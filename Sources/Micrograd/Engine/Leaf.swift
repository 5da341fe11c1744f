/// Storage shared by the two kinds of node owner, so a ``Value`` holds one reference.
@usableFromInline
class NodeOwner {
    @usableFromInline init() {}
}

/// The storage of a leaf: a number created with `Value(_:)`, such as a weight or an input.
///
/// Leaves live on their own, outside any tape, so a model's parameters never keep a training
/// step's graph alive. The first time a tape uses a leaf it records a `.leaf` node that points
/// here; the leaf remembers that node (`tapeStamp`, `tapeIndex`) so later uses on the same tape
/// share it, exactly as every use of a tensor in torch shares one `AccumulateGrad`.
@usableFromInline
final class Leaf: NodeOwner {
    @usableFromInline var data: Double
    @usableFromInline var grad: Double = 0
    @usableFromInline var hasGrad = false
    @usableFromInline var label: String
    /// The stamp of the tape (and its epoch) that holds this leaf's `.leaf` node, or 0.
    @usableFromInline var tapeStamp: UInt64 = 0
    @usableFromInline var tapeIndex: Int32 = 0

    @usableFromInline init(_ data: Double, label: String) {
        self.data = data
        self.label = label
    }

    /// Adds one backward pass's gradient `g`, as torch's `AccumulateGrad` does: the first
    /// gradient since ``Value/zeroGrad()`` is stored as it is, later ones are added.
    @inlinable func accumulate(_ g: Double) {
        grad = hasGrad ? grad + g : g
        hasGrad = true
    }
}
