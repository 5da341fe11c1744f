import Foundation
import Micrograd
import MicrogradParity
import Testing

/// The comparison must be able to fail: expected results corrupted in memory by 1 ulp are
/// reported at exactly the corrupted node.
struct ComparisonTests {
    /// micrograd's README example as a program (as in `Reference/cases/ops.json`), plus a tanh.
    static let program = try! CaseProgram(
        name: "readme",
        steps: [
            .leaf(-4), .leaf(2), .binary(.add, 0, 1), // 2: c = a + b
            .binary(.mul, 0, 1), .pow(1, exponent: 3), .binary(.add, 3, 4), // 5: d = a * b + b**3
            .constantRight(.add, 2, 1), .binary(.add, 2, 6), // 7: c += c + 1
            .constantLeft(.add, 1, 7), .unary(.neg, 0), .binary(.add, 8, 9), .binary(.add, 7, 10),
            .constantRight(.mul, 5, 2), .binary(.add, 1, 0), .unary(.relu, 13), .binary(.add, 12, 14), .binary(.add, 5, 15),
            .constantLeft(.mul, 3, 16), .binary(.sub, 1, 0), .unary(.relu, 18), .binary(.add, 17, 19), .binary(.add, 16, 20),
            .binary(.sub, 11, 21), .pow(22, exponent: 2), // 23: f = e**2
            .constantRight(.div, 23, 2), .constantLeft(.rdiv, 10, 23), .binary(.add, 24, 25),
            .constantRight(.mul, 26, 1e-3), .unary(.tanh, 27),
        ])

    /// The engine's own results as "expected": a comparison that passes.
    static func baseline() -> (ExpectedResults, ActualResults) {
        let actual = ProgramRun(program).results
        return (ExpectedResults(values: actual.values, grads: actual.grads.map { $0 }), actual)
    }

    @Test func identicalResultsPass() {
        let (expected, actual) = ComparisonTests.baseline()
        let comparison = CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual)
        #expect(comparison.passed)
        #expect(comparison.worstValueDistance == .zero && comparison.worstGradDistance == .zero)
    }

    /// Nodes whose operations have no documented deviation: held to 0 ulp.
    @Test(arguments: [5, 11, 23, 27])
    func valueOneUlpOffIsReportedAtThatNode(node: Int) {
        var (expected, actual) = ComparisonTests.baseline()
        expected.values[node] = expected.values[node].nextUp
        let comparison = CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual)
        #expect(comparison.valueMismatches.map(\.node) == [node])
        #expect(comparison.firstValueDivergence?.distance == UlpDistance(steps: 1))
        #expect(comparison.gradMismatches.isEmpty)
        let text = FailureDetail.text(comparison, family: "test")
        #expect(text.contains("first divergent value (creation order): node #\(node) = \(ComparisonTests.program.steps[node].expression)"))
        #expect(text.contains("1 ulp (budget 0 ulp)"))
    }

    @Test(arguments: [0, 1, 16, 22])
    func gradOneUlpOffIsReportedAtThatNode(node: Int) {
        var (expected, actual) = ComparisonTests.baseline()
        expected.grads[node] = expected.grads[node]!.nextDown
        let comparison = CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual)
        #expect(comparison.gradMismatches.map(\.node) == [node])
        #expect(comparison.valueMismatches.isEmpty)
        #expect(FailureDetail.text(comparison, family: "test").contains("node #\(node) = "))
    }

    /// tanh may differ from torch by its documented budget: the node is set to torch's value
    /// and the nodes after it are still compared exactly; one ulp more is a mismatch.
    @Test func documentedDeviationIsAlignedNotCascaded() throws {
        let program = try CaseProgram(name: "t", steps: [.leaf(0.7), .unary(.tanh, 0), .leaf(1.3), .binary(.mul, 1, 2)])
        let engine = ProgramRun(program).results
        let budget = TorchDeviation.budget(.tanh, .forward)
        #expect(budget > 0)
        for (offset, aligned) in [(budget, true), (budget + 1, false)] {
            let torchTanh = Double(bitPattern: engine.values[1].bitPattern + offset)
            let expected = ExpectedResults(values: [0.7, torchTanh, 1.3, torchTanh * 1.3], grads: [nil, nil, nil, nil])
            let run = ProgramRun(program, aligningDeviationsTo: expected)
            #expect(run.alignedNodes == (aligned ? [1] : []))
            #expect(run.values[1] == engine.values[1])
            #expect(run.nodes[3].data == (aligned ? torchTanh * 1.3 : engine.values[3]))
            let comparison = CaseComparison(
                program: program, expected: expected,
                actual: ActualResults(values: run.values, grads: expected.grads.map { $0 ?? 0 }))
            #expect(comparison.valueMismatches.map(\.node) == (aligned ? [] : [1, 3]))
            #expect(comparison.perOp[.tanh]?.differingValues == 1)
        }
    }

    /// `x ** 1.5`'s gradient may differ from torch's by its documented 1 ulp, on the power
    /// `x.pow(0.5)` inside its formula `g * (1.5 * x.pow(0.5))` (torch takes its own square
    /// root). The difference is measured on that power, recovered from torch's factor; every
    /// node, `x` included, gets the gradient torch's factor gives, so they are all still held to
    /// 0 ulp, however `x`'s other gradients add up.
    @Test func documentedBackwardDeviationIsMeasuredWhereItArises() throws {
        // a; x = a + a; y = x ** 1.5; z = y + x.tanh(): x also feeds another node.
        let program = try CaseProgram(
            name: "p",
            steps: [
                .leaf(2.3), .binary(.add, 0, 0), .pow(1, exponent: 1.5), .unary(.tanh, 1), .binary(.add, 2, 3),
            ])
        let engine = ProgramRun(program).results
        let engineFactor = ComparisonTests.gradient(at: engine.values[1]) { $0 ** 1.5 }
        let tanhGrad = ComparisonTests.gradient(at: engine.values[1]) { $0.tanh() }
        let power = (Value(engine.values[1]) ** 0.5).data
        for (offset, passes) in [(1, true), (2, false)] {
            let torchFactor = 1.5 * ComparisonTests.ulps(offset, above: power)
            // What torch computes with that factor: x gets 1 * k plus tanh's gradient, a gets twice that.
            let xGrad = torchFactor + tanhGrad
            let torchGrads: [Double?] = [xGrad + xGrad, xGrad, 1, 1, 1]
            let expected = ExpectedResults(values: engine.values, grads: torchGrads, powFactors: [2: torchFactor])
            let run = ProgramRun(program, aligningDeviationsTo: expected)
            #expect(run.grads == torchGrads.map { $0! })
            #expect(run.powGradients == [2: engineFactor])
            #expect(run.powBackwardPowers == [2: power])
            let comparison = CaseComparison(program: program, expected: expected, actual: run.results)
            #expect(comparison.passed == passes)
            #expect(comparison.worstGradDistance == UlpDistance(steps: UInt64(offset)))
            #expect(comparison.gradMismatches.map(\.node) == (passes ? [] : [1]))
        }
    }

    /// A square root one ulp from the engine's can move the factor `1.5 * sqrt(x)` by two ulps
    /// (the live fuzzing found such inputs): measured on the root, that is its 1 ulp.
    @Test func aRootOneUlpOffMovesTheFactorByTwoAndPasses() throws {
        var x = 4.6
        func factors(_ x: Double) -> (engine: Double, torch: Double) {
            let power = (Value(x) ** 0.5).data
            return (1.5 * power, 1.5 * ComparisonTests.ulps(1, above: power))
        }
        while UlpDistance(factors(x).engine, factors(x).torch).steps != 2 { x = x.nextUp }
        let program = try CaseProgram(name: "p", steps: [.leaf(x), .pow(0, exponent: 1.5)])
        let engine = ProgramRun(program).results
        let torchFactor = factors(x).torch
        let expected = ExpectedResults(values: engine.values, grads: [torchFactor, 1], powFactors: [1: torchFactor])
        let comparison = CaseComparison(
            program: program, expected: expected,
            actual: ProgramRun(program, aligningDeviationsTo: expected).results)
        #expect(comparison.passed)
        #expect(comparison.worstGradDistance == UlpDistance(steps: 1))
    }

    /// The engine's gradient of `f` at `x`, through its public API.
    static func gradient(at x: Double, _ f: (Value) -> Value) -> Double {
        let leaf = Value(x)
        f(leaf).backward()
        return leaf.grad
    }

    /// The double `count` ulps above `x`.
    static func ulps(_ count: Int, above x: Double) -> Double {
        (0..<count).reduce(x) { y, _ in y.nextUp }
    }

    @Test func firstGradDivergenceIsTheHighestNode() {
        var (expected, actual) = ComparisonTests.baseline()
        for node in [3, 20, 9] { expected.grads[node] = expected.grads[node]! * 2 }
        let comparison = CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual)
        #expect(comparison.gradMismatches.map(\.node) == [20, 9, 3])
        #expect(comparison.firstGradDivergence?.node == 20)
    }

    @Test func signOfZeroNaNAndUnreachedGradients() throws {
        let program = try CaseProgram(name: "zeros", steps: [.leaf(0), .leaf(.nan), .unary(.neg, 0), .binary(.add, 1, 1)])
        let actual = ProgramRun(program).results
        #expect(actual.values[2].sign == .minus && actual.values[3].isNaN)
        // Torch's None for the unreached nodes 0 and 2 compares as +0.0; any NaN equals any NaN.
        let expected = ExpectedResults(values: [0, -.nan, -0.0, .nan], grads: [nil, 2, nil, 1])
        #expect(CaseComparison(program: program, expected: expected, actual: actual).passed)
        var wrongZero = expected
        wrongZero.values[2] = 0.0
        let comparison = CaseComparison(program: program, expected: wrongZero, actual: actual)
        #expect(comparison.valueMismatches.map(\.node) == [2])
        #expect(comparison.firstValueDivergence?.distance == UlpDistance(steps: 1))
        var reached = expected
        reached.grads[0] = 1
        #expect(CaseComparison(program: program, expected: reached, actual: actual).gradMismatches.map(\.node) == [0])
    }

    @Test func talliesAndReportsCountFailures() {
        var (expected, actual) = ComparisonTests.baseline()
        var tally = ParityTally()
        tally.beginFamily("good", source: nil)
        tally.add(CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual))
        expected.values[27] = expected.values[27].nextDown
        tally.beginFamily("bad", source: nil)
        tally.add(CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual))
        #expect(tally.cases == 2 && tally.values == 58 && tally.failures.count == 1)
        #expect(tally.ops[.mul]?.worstValue == UlpDistance(steps: 1) && tally.ops[.mul]?.differingValues == 1)
        let report = ParityReport(tally: tally)
        #expect(report.summary.contains("FAILED"))
        #expect(report.failureDetails().contains("✗ bad: case \"readme\""))
    }

    @Test func failingCaseIsDrawnWithItsNodeHighlighted() throws {
        var (expected, actual) = ComparisonTests.baseline()
        expected.values[23] = expected.values[23].nextUp
        let comparison = CaseComparison(program: ComparisonTests.program, expected: expected, actual: actual)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = FailureDetail.text(comparison, family: "test", graphDirectory: directory)
        let path = "\(directory)/test/readme.dot"
        #expect(text.contains("graph: \(path) (node #23 highlighted)"))
        let dot = try String(contentsOfFile: path, encoding: .utf8)
        let highlighted = dot.split(separator: "\n").filter { $0.contains("fillcolor") }
        #expect(highlighted.count == 1)
        #expect(highlighted.first?.contains("{ #23 |") == true)
    }
}
