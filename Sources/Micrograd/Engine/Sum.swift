/// Python's `sum(terms)` over values: `0 + t0`, then `+ t1`, `+ t2`, ... left to right.
///
/// Python starts from the integer 0, so the first node is `t0 + 0` (torch's `__radd__`), not
/// `t0` itself. An empty sum is `Value(0)`.
extension Value {
    /// The sum of a list, `sum([...])`: every term exists before the first addition. The
    /// additions are recorded in one call, as the operators record them.
    public static func sum(_ terms: [Value]) -> Value {
        guard let first = terms.first else { return Value(0) }
        return tape(for: first).borrowed { tape in
            tape.withLock { Value(tape: tape, index: tape.sum(count: terms.count) { tape.index(of: terms[$0]) }) }
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

extension Tape {
    /// Python's `sum` of the nodes `term(0)`, `term(1)`, ... (`count` ≥ 1), recorded as the
    /// operators record `0 + t0` and `total + t`; returns the total's node. The caller holds
    /// the tape's lock.
    func sum(count: Int, _ term: (Int) -> Int32) -> Int32 {
        let first = term(0)
        var total = record(.add, first, constant: 0, data[Int(first)] + 0)
        for i in 1..<count {
            let t = term(i)
            total = append(.add, data[Int(total)] + data[Int(t)], total, t)
        }
        return total
    }
}
