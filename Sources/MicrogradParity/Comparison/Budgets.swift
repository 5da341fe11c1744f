import Micrograd

/// The differences from PyTorch a comparison allows: 0 ulp, except, under the table, the
/// documented deviations of ``Micrograd/TorchDeviation`` (the one table of tolerances, in the
/// engine).
public enum Budgets {
    /// The budget of the value a step computes (its operation's forward formula).
    public static func value(of step: ProgramStep, in mode: ParityMode) -> UInt64 {
        mode.isExact ? 0 : TorchDeviation.budget(step.op, exponent: exponent(of: step), .forward)
    }

    /// The budget of the gradient a step's backward formula hands to its operands.
    public static func gradient(from step: ProgramStep, in mode: ParityMode) -> UInt64 {
        mode.isExact ? 0 : TorchDeviation.budget(step.op, exponent: exponent(of: step), .backward)
    }

    /// The exponent of a `pow` step (deviation entries may be specific to one).
    static func exponent(of step: ProgramStep) -> Double? {
        if case .pow(_, let e) = step { return e }
        return nil
    }

    /// One line per documented deviation, for reports.
    public static var table: [String] { TorchDeviation.all.map(\.description) }
}
