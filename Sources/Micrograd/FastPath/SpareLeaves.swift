/// Leaves a thread's tape held that no `Value` refers to any more, kept for the thread's next
/// `Value(_:)`s.
///
/// A training step creates a leaf for every input, and the tape is the last holder of those
/// leaves until the next step empties it. Handing them to the next step's inputs instead of
/// freeing them and allocating new ones keeps that churn off the allocator. A spare leaf is
/// unreachable (nothing else refers to it), so reusing it is indistinguishable from a new one.
///
/// The leaves sit in a buffer of strong references this owns (`leaves[0..<count]`, one
/// reference each): `recycle` moves the tape's reference in, `take` moves one out, and
/// `deinit` releases what is left when the thread's holder goes away (the type is not
/// copyable, so no second copy can free the buffer again). An array did the
/// same with a uniqueness check and a capacity check on each append and removal: measured with
/// callgrind on a moons step of the `Loss` form (`MicrogradBenchmark --side-by-side --only
/// engine-api --workloads moons`, 12 steps less 2), 797.3 k instructions per step before,
/// 788.0 k after.
struct SpareLeaves: ~Copyable {
    private var leaves = UnsafeMutablePointer<Leaf>.allocate(capacity: 0)
    private var count = 0
    private var capacity = 0
    /// At most this many leaves are kept; more are freed.
    static let limit = 1 << 16

    /// Takes the tape's reference to `leaf`: keeps the leaf if it was the only one.
    mutating func recycle(_ leaf: Unmanaged<Leaf>) {
        var leaf = leaf.takeRetainedValue()
        guard isKnownUniquelyReferenced(&leaf), count < SpareLeaves.limit else { return }
        if count == capacity {
            capacity = Swift.max(2 * capacity, 64)
            let grown = UnsafeMutablePointer<Leaf>.allocate(capacity: capacity)
            grown.moveInitialize(from: leaves, count: count)
            leaves.deallocate()
            leaves = grown
        }
        (leaves + count).initialize(to: consume leaf)
        count += 1
    }

    /// A spare leaf, if there is one.
    mutating func take() -> Leaf? {
        guard count > 0 else { return nil }
        count -= 1
        return (leaves + count).move()
    }

    deinit {
        leaves.deinitialize(count: count)
        leaves.deallocate()
    }
}
