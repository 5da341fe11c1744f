import Foundation
import Micrograd
import Testing

/// `gradcheck` agrees with derivatives worked out by hand, and catches gradients that do not
/// follow the value.
struct GradcheckTests {
    @Test("The lecture's expression: backward and the central difference agree with the calculus")
    func lectureExpression() {
        let report = gradcheck(at: [2.0, -3.0, 10.0], labels: ["a", "b", "c"]) { v in (v[0] * v[1] + v[2]).tanh() }
        let local = 1 - Foundation.tanh(4.0) * Foundation.tanh(4.0)
        let byHand = [local * -3, local * 2, local]
        #expect(report.inputs.map(\.label) == ["a", "b", "c"])
        for (input, expected) in zip(report.inputs, byHand) {
            #expect(abs(input.backward - expected) <= 1e-15, "\(input.label) backward")
            #expect(abs(input.centralDifference - expected) <= 1e-8, "\(input.label) central difference")
        }
        #expect(report.passed, "\(report)")
        #expect(report.worst.map { $0.relativeError < 1e-6 } == true, "\(report)")
        #expect(abs(report.output - Foundation.tanh(4.0)) < 1e-15)
    }

    @Test("A value taken out of the graph with .data fails, and the report names that input")
    func detachedValueFails() {
        // x * Value(x.data): backward sees x times a constant (gradient x), the value is x² (derivative 2x).
        let report = gradcheck(at: [3.0, 1.0]) { v in v[0] * Value(v[0].data) + v[1] }
        #expect(!report.passed)
        #expect(report.worst?.label == "x0")
        #expect(report.inputs[0].backward == 3)
        #expect(abs(report.inputs[0].centralDifference - 6) < 1e-6)
        #expect(abs(report.inputs[0].relativeError - 0.5) < 1e-6)
        #expect(report.inputs[1].relativeError < 1e-9)
        #expect(report.description.contains("gradcheck FAILED; worst: x0"))
    }

    @Test("relu's kink at 0 fails: backward takes one side, the central difference averages both")
    func kinkFails() {
        let report = gradcheck(at: [0.0]) { v in v[0].relu() }
        #expect(!report.passed)
        #expect(abs(report.inputs[0].centralDifference - 0.5) < 1e-12)
    }

    @Test("Tolerances: torch's rule |backward − difference| ≤ atol + rtol·|difference|")
    func tolerances() {
        let input = GradcheckReport.Input(label: "x", value: 1, backward: 1.0005, centralDifference: 1)
        #expect(input.agrees(absoluteTolerance: 1e-5, relativeTolerance: 1e-3))
        #expect(!input.agrees(absoluteTolerance: 1e-5, relativeTolerance: 1e-4))
        #expect(GradcheckReport.Input(label: "x", value: 1, backward: .nan, centralDifference: 1).relativeError == .infinity)
        #expect(GradcheckReport.Input(label: "x", value: 1, backward: 0, centralDifference: 0).relativeError == 0)
    }
}
