#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tape on which this thread records graphs that start from leaves only.
///
/// An operation with a computed operand is recorded on that operand's tape. An operation whose
/// operands are all leaves starts (or continues) a graph on the current thread's tape; if no
/// `Value` recorded on that tape is alive any more, the tape is emptied first and its memory
/// reused, so a training loop runs in constant memory.
@usableFromInline
enum CurrentTape {
    /// The owner of a thread's tape (and of the leaves it spares for the thread's next
    /// `Value(_:)`s); the thread-specific slot holds one retained reference.
    @usableFromInline
    final class Holder {
        @exclusivity(unchecked) @usableFromInline var tape = Tape()
        @exclusivity(unchecked) var spareLeaves = SpareLeaves()
    }

    @usableFromInline static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The destructor's parameter is optional on Linux and not on Darwin: the named function
        // takes an optional, which both pass.
        let status = pthread_key_create(&key) { pointer in releaseHolder(pointer) }
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()

    /// Releases the holder a thread's slot held, when the thread exits.
    static func releaseHolder(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        Unmanaged<Holder>.fromOpaque(pointer).release()
    }

    /// The current thread's tape, emptied first when no `Value` on it is alive.
    @usableFromInline static func forNewGraph() -> Tape {
        threadTape().takeUnretainedValue()
    }

    /// The same, not retained: the thread's holder keeps its tape alive as long as the thread.
    @usableFromInline static func threadTape() -> Unmanaged<Tape> {
        // The thread's slot keeps the holder alive: borrow it rather than retain it.
        threadHolder().borrowed { holder in
            // Unique first: only then can no other thread be using the tape.
            if isKnownUniquelyReferenced(&holder.tape) {
                let tape = holder.tape
                tape.withLock {
                    if tape.count > 0 { tape.reset(sparing: &holder.spareLeaves) }
                }
            }
            return Unmanaged.passUnretained(holder.tape)
        }
    }

    /// A leaf this thread's tape spared, if there is one.
    static func spareLeaf() -> Leaf? {
        threadHolder().borrowed { $0.spareLeaves.take() }
    }

    @usableFromInline static func threadHolder() -> Unmanaged<Holder> {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Holder>.fromOpaque(pointer)
        }
        let holder = Unmanaged.passRetained(Holder())
        pthread_setspecific(key, holder.toOpaque())
        return holder
    }
}
