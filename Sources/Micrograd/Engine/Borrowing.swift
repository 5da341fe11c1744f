extension Unmanaged {
    /// Runs `body` on the object without retaining it: the caller guarantees that something else
    /// keeps it alive for the call (a computed operand or the thread keeps a tape alive, a tape
    /// or a layer keeps a leaf alive, the thread's slot keeps its tape holder alive).
    ///
    /// It calls the standard library's underscored `_withUnsafeGuaranteedRef` because that saves
    /// a retain and a release per use. Measured with callgrind on `MicrogradBenchmark 5`
    /// (203.2 M instructions in all), taking a strong reference (`takeUnretainedValue()`)
    /// instead costs +3.27 M instructions (+1.6%) where operations borrow their tape,
    /// +8.30 M (+4.1%) where leaves' states are read, +2.36 M (+1.2%) where the thread's tape
    /// holder is read.
    @inlinable @inline(__always)
    func borrowed<Result>(_ body: (Instance) -> Result) -> Result {
        _withUnsafeGuaranteedRef(body)
    }
}
