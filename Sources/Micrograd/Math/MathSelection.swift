#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension MathLibrary {
    /// The library this thread computes with now: the innermost ``using(_:_:)`` scope's, else
    /// the process-wide one.
    public static var current: MathLibrary { MathSelection.withCurrent { $0 } }

    /// The library every thread computes with outside ``using(_:_:)`` scopes: ``default``
    /// until ``setProcessWide(_:)`` chooses another.
    public static var processWide: MathLibrary {
        MathSelection.processWide.load(ordering: .acquiring)?.takeUnretainedValue() ?? .default
    }

    /// Makes `library` the process-wide choice, for every thread, from now on (values already
    /// computed keep theirs). Thread-safe. A library once chosen stays alive until the process
    /// exits: another thread may be calling its functions while it is replaced.
    public static func setProcessWide(_ library: MathLibrary) {
        MathSelection.setProcessWide(library)
    }

    /// Runs `body` with the engine computing on this thread with `library` (other threads are
    /// not affected; scopes nest). A graph belongs to the thread that records it, so a scope
    /// covers whole graphs when it covers their recording and their `backward()`.
    public static func using<R>(_ library: MathLibrary, _ body: () throws -> R) rethrows -> R {
        try MathSelection.using(library, body)
    }
}

/// How the engine finds the chosen ``MathLibrary`` fast.
///
/// `overrides` counts the reasons a library other than the default may apply somewhere: one
/// for a non-default process-wide choice, one per ``MathLibrary/using(_:_:)`` scope with a
/// non-default library in progress on any thread. While it is 0, which it is unless someone
/// chose a library, ``TorchMath`` calls ``DefaultMath``'s functions inline after one relaxed
/// atomic load; otherwise it calls out of line here, which looks up this thread's scope, then
/// the process-wide choice.
@usableFromInline
enum MathSelection {
    @usableFromInline static let overrides = Atomic<Int>(0)

    /// The process-wide choice when it is not the default; retained forever once stored.
    static let processWide = Atomic<Unmanaged<MathLibrary>?>(nil)

    /// Serializes changes of the process-wide choice (so `overrides` counts it once).
    static let changes = Mutex(())

    /// This thread's innermost scope's library, unretained (the scope keeps it alive).
    static let scopeKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()

    /// Whether no thread may be using anything but the default library.
    @inlinable static var isDefault: Bool { overrides.load(ordering: .relaxed) == 0 }

    static func setProcessWide(_ library: MathLibrary) {
        changes.withLock { _ in
            let new = library === MathLibrary.default ? nil : Unmanaged.passRetained(library)
            let old = processWide.exchange(new, ordering: .acquiringAndReleasing)
            // `old` stays retained on purpose: a thread may be inside one of its functions.
            overrides.wrappingAdd((new == nil ? 0 : 1) - (old == nil ? 0 : 1), ordering: .relaxed)
        }
    }

    static func using<R>(_ library: MathLibrary, _ body: () throws -> R) rethrows -> R {
        let previous = pthread_getspecific(scopeKey)
        let counted = library !== MathLibrary.default
        if counted { overrides.wrappingAdd(1, ordering: .relaxed) }
        pthread_setspecific(scopeKey, Unmanaged.passUnretained(library).toOpaque())
        defer {
            pthread_setspecific(scopeKey, previous)
            if counted { overrides.wrappingSubtract(1, ordering: .relaxed) }
        }
        return try withExtendedLifetime(library) { try body() }
    }

    /// `body` applied to the library this thread computes with (a scope keeps a scoped library
    /// alive, and a process-wide choice is never released). Only the non-default path comes here,
    /// where a library's function costs far more than the reference taken.
    @inline(__always) static func withCurrent<R>(_ body: (MathLibrary) -> R) -> R {
        if let scoped = pthread_getspecific(scopeKey) {
            return body(Unmanaged<MathLibrary>.fromOpaque(scoped).takeUnretainedValue())
        }
        if let chosen = processWide.load(ordering: .acquiring) {
            return body(chosen.takeUnretainedValue())
        }
        return body(MathLibrary.default)
    }

    // The out-of-line calls of ``TorchMath`` when a library may have been chosen.

    @usableFromInline @inline(never) static func exp(_ x: Double) -> Double { withCurrent { $0.exp(x) } }
    @usableFromInline @inline(never) static func log(_ x: Double) -> Double { withCurrent { $0.log(x) } }
    @usableFromInline @inline(never) static func tanh(_ x: Double) -> Double { withCurrent { $0.tanh(x) } }
    @usableFromInline @inline(never) static func sqrt(_ x: Double) -> Double { withCurrent { $0.sqrt(x) } }
    @usableFromInline @inline(never) static func pow(_ x: Double, _ e: Double) -> Double { withCurrent { $0.pow(x, e) } }
    @usableFromInline @inline(never) static func scalarExp(_ x: Double) -> Double { withCurrent { $0.scalarExp(x) } }
}
