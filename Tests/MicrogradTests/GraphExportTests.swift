#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Micrograd
import Testing

/// DOT export of graphs, as micrograd's `draw_dot` draws them.
struct GraphExportTests {
    static func lines(_ dot: String, containing text: String) -> [Substring] {
        dot.split(separator: "\n").filter { $0.contains(text) }
    }

    @Test func drawsRecordsOperationsAndEdges() {
        let a = Value(2, label: "a"), b = Value(-3, label: "b")
        let c = a * b
        c.label = "c"
        let d = c + 1
        d.label = "d"
        d.backward()
        let dot = d.dot()
        #expect(dot.hasPrefix("digraph {\n\tgraph [rankdir=LR]\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(GraphExportTests.lines(dot, containing: "shape=record").count == 5) // a, b, c, the constant 1, d
        #expect(dot.contains("[label=\"{ a | data 2.0000 | grad -3.0000 }\" shape=record]"))
        #expect(dot.contains("[label=\"{ b | data -3.0000 | grad 2.0000 }\" shape=record]"))
        #expect(dot.contains("[label=\"{ c | data -6.0000 | grad 1.0000 }\" shape=record]"))
        // The constant 1 gets a gradient, as micrograd's wrapped `Value(1)` does.
        #expect(dot.contains("[label=\"{  | data 1.0000 | grad 1.0000 }\" shape=record]"))
        #expect(GraphExportTests.lines(dot, containing: "_op [label=").count == 2)
        #expect(GraphExportTests.lines(dot, containing: "->").count == 6)
        #expect(!dot.contains("fillcolor"))
    }

    @Test func everyNodeComesAfterItsOperands() {
        let x = Value(0.5, label: "x")
        let y = (x * x).tanh() + x.exp() / 3
        let dot = y.dot()
        // x * x uses x twice but draws one edge, as draw_dot's edge set does.
        let xName = GraphExportTests.lines(dot, containing: "{ x |").first!.split(separator: " ").first!.dropFirst()
        #expect(GraphExportTests.lines(dot, containing: "\t\(xName) -> ").count == 2) // to * and to exp
        var defined: Set<Substring> = []
        for line in dot.split(separator: "\n").dropFirst(2).dropLast() {
            let words = line.dropFirst().split(separator: " ")
            if words[1] == "->" {
                #expect(defined.contains(words[0]) && defined.contains(words[2]), "\(line) uses an undefined node")
            } else {
                defined.insert(words[0])
            }
        }
        #expect(defined.count == 12) // 7 values (x, x*x, tanh, exp, the constant 3, /, +) and 5 operations
    }

    @Test func highlightsOneNode() {
        let a = Value(1, label: "a"), b = Value(2, label: "b")
        let c = a / b
        let dot = c.dot(highlight: b.id)
        let highlighted = GraphExportTests.lines(dot, containing: "fillcolor")
        #expect(highlighted.count == 1)
        #expect(highlighted.first?.contains("{ b | data 2.0000") == true)
    }

    @Test func escapesLabels() {
        let a = Value(1, label: "x|y {z} \"q\" <p>")
        #expect(a.dot().contains(#"{ x\|y \{z\} \"q\" \<p\> | data 1.0000"#))
    }

    @Test func printsNumbersLikePercentFourF() {
        let dot = GraphExport.dot(of: [Value(-0.0), Value(1e20), Value(.nan), Value(-.infinity), Value(0.00005)])
        for text in ["data -0.0000", "data 100000000000000000000.0000", "data nan", "data -inf", "data 0.0001"] {
            #expect(dot.contains(text), "\(text)")
        }
    }

    @Test func drawsAWeightedSumAsMicrogradsChain() {
        let w = [Value(0.5), Value(-1), Value(2)], b = Value(0.25)
        let out = Value.weightedSum(bias: b, weights: w, inputs: [1.0, 2.0, 3.0])
        out.backward()
        let dot = out.dot()
        #expect(GraphExportTests.lines(dot, containing: "_op [label=\"*\"]").count == 3)
        #expect(GraphExportTests.lines(dot, containing: "_op [label=\"+\"]").count == 3)
        // b + 0.5*1 = 0.75, then 0.75 + -1*2 = -1.25 (the intermediate sums), then the output 4.75.
        #expect(dot.contains("data 0.7500 | grad 1.0000"))
        #expect(dot.contains("data -1.2500 | grad 1.0000"))
        #expect(dot.contains("data 4.7500 | grad 1.0000"))
    }

    /// Counts lines without keeping the text.
    struct LineCounter: TextOutputStream {
        var lines = 0
        mutating func write(_ string: String) {
            var string = string
            lines += string.withUTF8 { bytes in
                var count = 0
                var offset = 0
                while offset < bytes.count, let newline = memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset) {
                    count += 1
                    offset = UnsafeRawPointer(newline) - UnsafeRawPointer(bytes.baseAddress!) + 1
                }
                return count
            }
        }
    }

    @Test func exportsAMillionDeepChainWithoutRecursion() {
        let depth = 1_000_000
        var x = Value(1)
        for _ in 0..<depth { x = -x }
        var counter = LineCounter()
        GraphExport.write(of: [x], to: &counter)
        // Header and closing line; a record per node; per negation an op node, its edge and
        // the edge from its operand.
        #expect(counter.lines == 3 + (depth + 1) + 3 * depth)
    }
}
