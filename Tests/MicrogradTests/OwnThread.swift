#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a new thread and returns its result once the thread has exited (so what the
/// thread owned, such as its tape, is gone too).
///
/// Tests of what happens when a thread's tape is emptied need a thread of their own: on a
/// thread of the shared pool, another test's task that keeps a value of that thread's tape
/// alive across a suspension keeps the tape from being emptied.
func onOwnThread<T>(_ body: @escaping () -> T) -> T {
    var result: T?
    let job = Unmanaged.passRetained(ThreadJob { result = body() })
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    // The start routine's parameter is optional on Linux and not on Darwin: `ThreadJob.start`
    // takes an optional, which both pass.
    let status = pthread_create(
        &thread, nil,
        { context in
            ThreadJob.start(context)
            return nil
        }, job.toOpaque())
    precondition(status == 0, "pthread_create failed with \(status)")
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    job.release()
    return result!
}

/// What `onOwnThread` hands to its thread; `pthread_join` orders the accesses.
private final class ThreadJob {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }

    /// Runs the job `context` points at.
    static func start(_ context: UnsafeMutableRawPointer?) {
        Unmanaged<ThreadJob>.fromOpaque(context!).takeUnretainedValue().run()
    }
}
