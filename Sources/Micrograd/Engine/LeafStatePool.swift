#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Leaf states freed on one thread, kept for the next leaves it creates.
///
/// A training step creates a leaf for every input and frees it when the next step reuses the
/// tape; taking a state from this list instead of `malloc` (and giving it back instead of
/// `free`) keeps that churn off the allocator. Each free state holds the address of the next.
struct LeafStatePool {
    private var first: UnsafeMutableRawPointer?
    private var count = 0
    /// At most this many states are kept; more are returned to the system.
    static let limit = 1 << 16

    /// A state's memory, uninitialised.
    mutating func take() -> UnsafeMutableRawPointer {
        guard let state = first else {
            // `malloc`, not `allocate(capacity:)`: that takes the runtime's aligned-allocation
            // path (`posix_memalign`), about twice the cost.
            return malloc(MemoryLayout<Leaf.State>.stride)!
        }
        first = state.load(as: UnsafeMutableRawPointer?.self)
        count -= 1
        return state
    }

    /// Takes back the memory of a state no leaf uses any more.
    mutating func give(_ state: UnsafeMutableRawPointer) {
        guard count < LeafStatePool.limit else { return free(state) }
        state.storeBytes(of: first, as: UnsafeMutableRawPointer?.self)
        first = state
        count += 1
    }

    /// Returns every kept state to the system.
    mutating func drain() {
        while let state = first {
            first = state.load(as: UnsafeMutableRawPointer?.self)
            free(state)
        }
        count = 0
    }
}
