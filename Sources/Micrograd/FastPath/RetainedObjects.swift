/// Objects retained once each, in a buffer that only grows: what a tape keeps alive.
@usableFromInline
struct RetainedObjects<Object: AnyObject> {
    private var base = UnsafeMutablePointer<Unmanaged<Object>>.allocate(capacity: 0)
    private var capacity = 0
    private(set) var count = 0

    /// Retains `object` and keeps it.
    mutating func append(_ object: Unmanaged<Object>) {
        if count == capacity {
            capacity = Swift.max(2 * capacity, 64)
            let grown = UnsafeMutablePointer<Unmanaged<Object>>.allocate(capacity: capacity)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
        }
        base[count] = object.retain()
        count += 1
    }

    /// Empties the buffer, handing each object's reference to `release` (which owns it).
    mutating func removeAll(_ release: (Unmanaged<Object>) -> Void) {
        for k in 0..<count { release(base[k]) }
        count = 0
    }

    /// Releases every object and frees the buffer.
    mutating func deallocate() {
        removeAll { $0.release() }
        base.deallocate()
    }
}
