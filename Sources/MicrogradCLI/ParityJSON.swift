import Foundation
import Micrograd
import MicrogradParity

/// `micrograd parity --json`: what was compared, the worst difference per family, operation and
/// training run, and the failures. Distances are ulp counts (`"infinite"` for NaN against a
/// number); NaN and infinite numbers are the strings `"nan"`, `"inf"`, `"-inf"`.
struct ParityJSON: Encodable {
    struct Family: Encodable {
        let name: String, cases: Int, failedCases: Int, values: Int, gradients: Int
        let worstValueUlp: Ulp, worstGradientUlp: Ulp
    }
    struct Operation: Encodable {
        let op: String, values: Int, differingValues: Int, worstValueUlp: Ulp
        let gradients: Int, differingGradients: Int, worstGradientUlp: Ulp
    }
    struct Run: Encodable {
        let name: String, heldTo: String, passed: Bool, verdict: String
        let worstLossUlp: Ulp, worstGradientUlp: Ulp, worstParameterUlp: Ulp
        let deviations: [String], failure: String?
    }
    struct Mismatch: Encodable {
        let node: Int, op: String, expected: Double?, actual: Double, ulp: Ulp, budgetUlp: UInt64
    }
    struct Failure: Encodable {
        let family: String, name: String
        let firstValue: Mismatch?, firstGradient: Mismatch?
        let detail: String
    }
    /// An ulp distance: a count, or `"infinite"`.
    struct Ulp: Encodable {
        let distance: UlpDistance
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if distance.isInfinite { try container.encode("infinite") } else { try container.encode(distance.steps) }
        }
    }

    let passed: Bool
    let source: String
    /// The math library the engine computed with.
    let math: String
    let cases: Int, values: Int, gradients: Int
    let families: [Family]
    let operations: [Operation]
    let training: [Run]
    let failureCount: Int
    let failures: [Failure]
    /// Golden files and cases that could not be compared, each with its file, case, field and fix.
    let problems: [String]

    init(
        tally: ParityTally, runs: [TrainingComparison], problems: [GoldenError], source: String, failureLimit: Int,
        graphDirectory: String
    ) {
        passed = tally.passed && problems.isEmpty && runs.allSatisfy(\.passed)
        self.source = source
        math = tally.mode.math.name
        self.problems = problems.map(\.description)
        cases = tally.cases
        values = tally.values
        gradients = tally.grads
        families = tally.families.map {
            Family(
                name: $0.name, cases: $0.cases, failedCases: $0.failedCases, values: $0.values, gradients: $0.grads,
                worstValueUlp: Ulp(distance: $0.worstValue), worstGradientUlp: Ulp(distance: $0.worstGrad))
        }
        operations = Op.allCases.compactMap { op in
            tally.ops[op].map {
                Operation(
                    op: op.name, values: $0.values, differingValues: $0.differingValues, worstValueUlp: Ulp(distance: $0.worstValue),
                    gradients: $0.grads, differingGradients: $0.differingGrads, worstGradientUlp: Ulp(distance: $0.worstGrad))
            }
        }
        training = runs.map {
            Run(
                name: $0.name, heldTo: $0.reference.rawValue, passed: $0.passed, verdict: $0.verdict,
                worstLossUlp: Ulp(distance: $0.losses.worst), worstGradientUlp: Ulp(distance: $0.worstGradient),
                worstParameterUlp: Ulp(distance: $0.finalParameters.worst), deviations: $0.deviations,
                failure: $0.matches ? nil : $0.failureText)
        }
        failureCount = tally.failures.count
        failures = tally.failures.prefix(failureLimit).map { failure in
            let program = failure.comparison.program
            func mismatch(_ m: NodeMismatch?) -> Mismatch? {
                m.map {
                    Mismatch(
                        node: $0.node, op: program.steps[$0.node].op.name, expected: $0.expected, actual: $0.actual,
                        ulp: Ulp(distance: $0.distance), budgetUlp: $0.budget)
                }
            }
            return Failure(
                family: failure.family, name: program.name, firstValue: mismatch(failure.comparison.firstValueDivergence),
                firstGradient: mismatch(failure.comparison.firstGradDivergence),
                detail: FailureDetail.text(failure.comparison, family: failure.family, graphDirectory: graphDirectory))
        }
    }

}
