import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every access to a tape's memory holds the tape's lock.
///
/// A `Value` computed on one thread can be used on another (Swift 6's region-based isolation
/// lets a fresh value be sent to a task), and it still refers to the tape it was recorded on,
/// which its first thread may keep appending to. So recording, backward passes and reading or
/// setting a node's `data`, `grad` or `label` each take the tape's lock for the few stores
/// they make: two threads using one tape are serialised, never racing. Uncontended, that is
/// one compare-and-swap and one store per operation (a layer or a loss is one operation).
///
/// The lock is not reentrant: engine code holding it never calls back into user code or into
/// a public accessor of the same tape.
extension Tape {
    /// Runs `body` holding this tape's lock.
    @inlinable @inline(__always)
    func withLock<R>(_ body: () -> R) -> R {
        if !lockWord.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            waitForLock()
        }
        defer { lockWord.store(false, ordering: .releasing) }
        return body()
    }

    /// Takes the lock another thread holds: spins briefly, then yields the processor.
    @usableFromInline @inline(never)
    func waitForLock() {
        var attempts = 0
        while true {
            if !lockWord.load(ordering: .relaxed),
                lockWord.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
            {
                return
            }
            attempts += 1
            if attempts > 64 { sched_yield() }
        }
    }
}
