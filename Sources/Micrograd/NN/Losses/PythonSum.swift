/// Python's `sum(terms)` over values: `0 + t0`, then `+ t1`, `+ t2`, ... left to right.
///
/// Python starts from the integer 0, so the first node is `t0 + 0` (torch's `__radd__`), not
/// `t0` itself. `term(i)` is called in order, interleaved with the additions, as a Python
/// generator expression is consumed. An empty sum is `Value(0)`.
func pythonSum(count: Int, _ term: (Int) -> Value) -> Value {
    guard count > 0 else { return Value(0) }
    var total = 0 + term(0)
    for i in 1..<count {
        total = total + term(i)
    }
    return total
}
