/// Leaves a thread's tape held that no `Value` refers to any more, kept for the thread's next
/// `Value(_:)`s.
///
/// A training step creates a leaf for every input, and the tape is the last holder of those
/// leaves until the next step empties it. Handing them to the next step's inputs instead of
/// freeing them and allocating new ones keeps that churn off the allocator. A spare leaf is
/// unreachable (nothing else refers to it), so reusing it is indistinguishable from a new one.
struct SpareLeaves {
    private var leaves: [Leaf] = []
    /// At most this many leaves are kept; more are freed.
    static let limit = 1 << 16

    /// Takes the tape's reference to `leaf`: keeps the leaf if it was the only one.
    mutating func recycle(_ leaf: Unmanaged<Leaf>) {
        var leaf = leaf.takeRetainedValue()
        guard isKnownUniquelyReferenced(&leaf), leaves.count < SpareLeaves.limit else { return }
        leaves.append(consume leaf)
    }

    /// A spare leaf, if there is one.
    mutating func take() -> Leaf? {
        leaves.popLast()
    }
}
