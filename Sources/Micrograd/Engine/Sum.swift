/// Python's `sum(terms)` over values: `0 + t0`, then `+ t1`, `+ t2`, ... left to right.
///
/// Python starts from the integer 0, so the first node is `t0 + 0` (torch's `__radd__`), not
/// `t0` itself. `term(i)` is called in order, interleaved with the additions, as a Python
/// generator expression is consumed. An empty sum is `Value(0)`.
func pythonSum(count: Int, _ term: (Int) -> Value) -> Value {
    guard count > 0 else { return Value(0) }
    var total = 0 + term(0)
    for i in 1..<count { total = total + term(i) }
    return total
}

extension Tape {
    /// Python's `sum` of the nodes `term(0)`, `term(1)`, ... (`count` ≥ 1), recorded as the
    /// operators record `0 + t0` and `total + t`; returns the total's node. The caller holds
    /// the tape's lock.
    func pythonSum(count: Int, _ term: (Int) -> Int32) -> Int32 {
        let first = term(0)
        var total = record(.add, first, constant: 0, data[Int(first)] + 0)
        for i in 1..<count {
            let t = term(i)
            total = append(.add, data[Int(total)] + data[Int(t)], total, t)
        }
        return total
    }
}
