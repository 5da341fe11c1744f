/// Python's `sum(terms)` over values: `0 + t0`, then `+ t1`, `+ t2`, ... left to right.
///
/// Python starts from the integer 0, so the first node is `t0 + 0` (torch's `__radd__`), not
/// `t0` itself. An empty sum is `Value(0)`.
extension Value {
    /// The sum of a list, `sum([...])`: every term exists before the first addition. The
    /// additions are recorded in one call, as the operators record them.
    public static func sum(_ terms: [Value]) -> Value {
        guard let first = terms.first else { return Value(0) }
        return tape(for: first)._withUnsafeGuaranteedRef { tape in
            tape.withLock {
                let data = { (node: Int32) in tape.data[Int(node)] }
                let t0 = tape.index(of: first)
                var total = tape.record(.add, t0, constant: 0, data(t0) + 0)
                for term in terms.dropFirst() {
                    let t = tape.index(of: term)
                    total = tape.append(.add, data(total) + data(t), total, t)
                }
                return Value(tape: tape, index: total)
            }
        }
    }

    /// The sum of a generator, `sum(f(x) for x in xs)`: each term is made just before it is
    /// added (pass a lazy sequence, `xs.lazy.map(f)`, to keep that order).
    public static func sum(_ terms: some Sequence<Value>) -> Value {
        var iterator = terms.makeIterator()
        guard let first = iterator.next() else { return Value(0) }
        var total = 0 + first
        while let term = iterator.next() { total = total + term }
        return total
    }
}
