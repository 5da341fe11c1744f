import Testing
@testable import Micrograd

/// Gradients against central differences: an independent check of every backward formula
/// (parity with torch is the parity suite's job; this checks the calculus).
struct FiniteDifferenceTests {
    /// Central difference of `f` at `x` with a step scaled to `x`.
    static func numericDerivative(_ f: (Double) -> Double, at x: Double) -> Double {
        let h = 1e-6 * max(1, abs(x))
        return (f(x + h) - f(x - h)) / (2 * h)
    }

    static func expectClose(_ analytic: Double, _ numeric: Double, _ what: String) {
        let scale = max(1, abs(analytic), abs(numeric))
        #expect(abs(analytic - numeric) <= 1e-6 * scale, "\(what): analytic \(analytic), numeric \(numeric)")
    }

    /// Each unary function of one leaf, with an input domain where it is smooth.
    static let unary: [(name: String, domain: ClosedRange<Double>, f: @Sendable (Value) -> Value)] = [
        ("exp", -5...5, { $0.exp() }),
        ("log", 0.1...10, { $0.log() }),
        ("tanh", -3...3, { $0.tanh() }),
        ("sigmoid", -6...6, { $0.sigmoid() }),
        ("relu", 0.1...5, { $0.relu() }),
        ("relu (negative side)", -5 ... -0.1, { $0.relu() }),
        ("neg", -5...5, { -$0 }),
        ("pow 2", -3...3, { $0.pow(2) }),
        ("pow 3", -3...3, { $0.pow(3) }),
        ("pow -1", 0.2...3, { $0.pow(-1) }),
        ("pow -2", 0.2...3, { $0.pow(-2) }),
        ("pow 0.5", 0.2...3, { $0.pow(0.5) }),
        ("pow -0.5", 0.2...3, { $0.pow(-0.5) }),
        ("pow 1.7", 0.2...3, { $0.pow(1.7) }),
        ("x + c", -5...5, { $0 + 2.5 }),
        ("c + x", -5...5, { 2.5 + $0 }),
        ("x - c", -5...5, { $0 - 2.5 }),
        ("c - x", -5...5, { 2.5 - $0 }),
        ("x * c", -5...5, { $0 * -1.5 }),
        ("c * x", -5...5, { -1.5 * $0 }),
        ("x / c", -5...5, { $0 / 3.0 }),
        ("c / x", 0.2...5, { 3.0 / $0 }),
    ]

    @Test(arguments: unary.indices)
    func unaryOperation(_ k: Int) {
        let (name, domain, f) = Self.unary[k]
        var rng = RNG(seed: UInt64(k + 1))
        for _ in 0..<50 {
            let x0 = rng.uniform(domain.lowerBound, domain.upperBound)
            let x = Value(x0)
            f(x).backward()
            Self.expectClose(x.grad, Self.numericDerivative({ f(Value($0)).data }, at: x0), "\(name) at \(x0)")
        }
    }

    @Test func binaryOperations() {
        let ops: [(String, (Value, Value) -> Value)] = [("+", +), ("-", -), ("*", *), ("/", /)]
        var rng = RNG(seed: 7)
        for (name, op) in ops {
            for _ in 0..<50 {
                let a0 = rng.uniform(-4, 4), b0 = rng.uniform(0.5, 4)
                let a = Value(a0), b = Value(b0)
                op(a, b).backward()
                Self.expectClose(a.grad, Self.numericDerivative({ op(Value($0), Value(b0)).data }, at: a0), "\(name) lhs")
                Self.expectClose(b.grad, Self.numericDerivative({ op(Value(a0), Value($0)).data }, at: b0), "\(name) rhs")
            }
        }
    }

    /// Random graphs over three leaves with heavy reuse; every leaf's gradient is checked.
    @Test func randomGraphs() {
        var rng = RNG(seed: 2024)
        for trial in 0..<200 {
            let seed = rng.nextU64()
            let x0 = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)]
            func build(_ leaves: [Value]) -> Value {
                var g = RNG(seed: seed)
                var nodes = leaves
                for _ in 0..<30 {
                    let a = nodes[Int(g.nextU32() % UInt32(nodes.count))]
                    let b = nodes[Int(g.nextU32() % UInt32(nodes.count))]
                    let node: Value
                    switch g.nextU32() % 9 {
                    case 0: node = a + b
                    case 1: node = a - b
                    case 2: node = a * b
                    case 3: node = a / (b * b + 1)
                    case 4: node = a.tanh()
                    case 5: node = (a * a + 0.5).log()
                    case 6: node = (a * 0.3).exp()
                    case 7: node = a.sigmoid()
                    default: node = (a * a + 1).pow(0.5)
                    }
                    nodes.append(node)
                }
                return nodes.suffix(10).reduce(Value(0)) { $0 + $1.tanh() }
            }
            let leaves = x0.map { Value($0) }
            build(leaves).backward()
            for i in 0..<3 {
                let numeric = Self.numericDerivative(
                    { xi in
                        var xs = x0
                        xs[i] = xi
                        return build(xs.map { Value($0) }).data
                    }, at: x0[i])
                Self.expectClose(leaves[i].grad, numeric, "graph \(trial) leaf \(i)")
            }
        }
    }
}
