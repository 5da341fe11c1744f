import Micrograd
import MicrogradParity

/// The one line of the torch-kernel pass: the worst difference over every value, gradient
/// and training-run number, next to the default math's table.
enum TorchKernelPass {
    /// `torch-kernel pass: worst 0 ulp, everything — …`, or where it is not 0.
    static func summary(_ tally: ParityTally, runs: [TrainingComparison], math: MathLibrary) -> String {
        let worstValue = tally.families.map(\.worstValue).max() ?? .zero
        let worstGrad = tally.families.map(\.worstGrad).max() ?? .zero
        let worstRun = runs.flatMap(\.series).map(\.worst).max() ?? .zero
        let worst = max(worstValue, worstGrad, worstRun)
        let numbers = runs.flatMap(\.series).reduce(0) { $0 + $1.expected.count }
        let verdict =
            worst == .zero && tally.passed && runs.allSatisfy(\.passed)
            ? "worst 0 ulp, everything" : "FAILED: worst value \(worstValue), gradient \(worstGrad), training \(worstRun)"
        return "torch-kernel pass: \(verdict) — \(tally.cases) programs, \(tally.values) values and \(tally.grads) gradients; "
            + "\(runs.count) training runs, \(numbers) losses, gradients and parameters; \(math), no deviation table, no alignment, "
            + "no engine-math record"
    }
}
