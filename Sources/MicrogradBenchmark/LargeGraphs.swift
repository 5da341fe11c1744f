import Micrograd

/// `--side-by-side --graphs`: the engine alone on two large graphs, in a process of its own (a
/// thread's tape keeps its memory for the next graph, so the chain, which measures memory,
/// comes first).
///
/// - the chain `y = y * 1.0 + 0.0` repeated `nodes` times (`DeepGraphTests`'s): seconds to
///   record and to backpropagate, and resident bytes per recorded node (each constant is a node
///   of its own, as micrograd counts them);
/// - a random graph of `nodes` nodes: 1,000 leaves, then each operation `a + b`, `a - b`,
///   `tanh(a)` or `tanh(a * b)` (bounded values: no overflow, few subnormals) of the entry
///   before it and one of the 1,000 before that, drawn in advance from ``RNG``: nodes per
///   second forward (recording) and backward from the last node (a 1,000,000-deep graph).
enum LargeGraphs {
    static func run(nodes: Int) {
        print(chain(length: nodes))
        print(randomGraph(nodes: nodes))
    }

    static func chain(length: Int) -> String {
        let before = residentKilobytes(), peakBefore = peakResidentKilobytes()
        let x = Value(1.0)
        var y = x
        let t0 = now()
        for _ in 0..<length { y = y * 1.0 + 0.0 }
        let t1 = now()
        let after = residentKilobytes(), peakAfter = peakResidentKilobytes()
        y.backward()
        let t2 = now()
        precondition(y.data == 1 && x.grad == 1, "the chain computes 1 with gradient 1")
        let recorded = y.graphNodeCount
        let resident = Double(after - before) * 1024 / Double(recorded)
        let peak = Double(peakAfter - peakBefore) * 1024 / Double(recorded)
        return """

            ### A \(length.formatted)-deep chain, `y = y * 1.0 + 0.0` (\(recorded.formatted) recorded nodes)

            | record | backward | resident bytes per node after recording | peak RSS growth per node |
            |---|---|---|---|
            | \(format(t1 - t0, 3, width: 0)) s | \(format(t2 - t1, 3, width: 0)) s | \(format(resident, 1, width: 0)) (target ≤ 40) | \(format(peak, 1, width: 0)) |
            """
    }

    static func randomGraph(nodes: Int) -> String {
        let leafCount = 1000, window = 1000
        var rng = RNG(seed: 1)
        let leaves = (0..<leafCount).map { _ in Value(rng.uniform(-1, 1)) }
        // Node `i` of `graph` (leaves first; one entry per operation, a `tanh(a * b)` recording
        // two nodes) combines entry `i - 1` with one of the `window` entries before it.
        var operations: [(op: Int, other: Int)] = []
        var recorded = leafCount
        while recorded < nodes {
            let i = leafCount + operations.count
            let op = Int(rng.nextU64() % (nodes - recorded >= 2 ? 4 : 3))
            operations.append((op, i - 1 - Int(rng.nextU64() % UInt64(min(window, i)))))
            recorded += op == 3 ? 2 : 1
        }
        var forward: [Double] = [], backward: [Double] = []
        for _ in 0..<5 {
            var graph = leaves
            graph.reserveCapacity(nodes)
            let t0 = now()
            for (op, other) in operations {
                let a = graph[graph.count - 1], b = graph[other]
                switch op {
                case 0: graph.append(a + b)
                case 1: graph.append(a - b)
                case 2: graph.append(a.tanh())
                default: graph.append((a * b).tanh())
                }
            }
            let t1 = now()
            graph[graph.count - 1].backward()
            forward.append(t1 - t0)
            backward.append(now() - t1)
        }
        let (f, b) = (median(forward), median(backward))
        let total = Double(recorded)
        return """

            ### A random graph: \(recorded.formatted) nodes (`+`, `-`, `tanh`, `tanh(a * b)`)

            | implementation | forward (recording) | backward |
            |---|---|---|
            | this engine (median of 5 builds) | \(format(f, 3, width: 0)) s, \(format(total / f / 1e6, 1, width: 0)) M nodes/s | \(format(b, 3, width: 0)) s, \(format(total / b / 1e6, 1, width: 0)) M nodes/s |
            """
    }
}

extension Int {
    /// The number with thousands separated by commas.
    var formatted: String { String(self).groupedThousands }
}
