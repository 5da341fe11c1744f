/// Python's `sum(terms)` over values: `0 + t0`, then `+ t1`, `+ t2`, ... left to right.
///
/// Python starts from the integer 0, so the first node is `t0 + 0` (torch's `__radd__`), not
/// `t0` itself. `term(i)` is called in order, interleaved with the additions, as a Python
/// generator expression is consumed. An empty sum is `Value(0)`.
func pythonSum(count: Int, _ term: (Int) -> Value) -> Value {
    guard count > 0 else { return Value(0) }
    let first = term(0)
    // `0 + t0` is recorded where that operator records it, and so is every later addition
    // (onto the computed total); holding the tape here spares a `Value` per partial sum.
    let tape = Value.tape(for: first).takeUnretainedValue()
    let total = tape.pythonSum(count: count) { i in tape.index(of: i == 0 ? first : term(i)) }
    return Value(tape: tape, index: total)
}

extension Tape {
    /// Python's `sum` of the nodes `term(0)`, `term(1)`, ... (`count` ≥ 1), recorded as the
    /// operators record `0 + t0` and `total + t`; returns the total's node.
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
