import Foundation

/// Runs `body` on a new thread and returns its result when it is done.
///
/// A thread's tape is emptied only when no value recorded on it is alive. On a thread of Swift's
/// shared pool, another task suspended while it holds values keeps that thread's tape, so every
/// graph recorded there afterwards is appended to it, and each `backward()` then sweeps the whole
/// tape. Thousands of programs compared on a thread of their own keep to a tape of their own,
/// emptied between programs.
func onFreshThread<T>(_ body: @escaping () -> T) -> T {
    // The thread runs `body` once and the caller reads `result` only after `done.wait()`, which
    // orders the accesses.
    nonisolated(unsafe) let body = body
    nonisolated(unsafe) var result: T?
    let done = DispatchSemaphore(value: 0)
    Thread {
        result = body()
        done.signal()
    }.start()
    done.wait()
    return result!
}
