import Micrograd

/// A training run of the engine compared with its PyTorch twin: every loss, the gradients of
/// steps 0, 1 and the last, and the final parameters.
///
/// A run through no documented deviation is held to torch's record at 0 ulp. A run through
/// deviations (``TrainingDeviations``) is held at 0 ulp to the twin's engine-math record (torch
/// with the forward values of `tanh`, `exp`, `log` and `sqrt` correctly rounded, see
/// ``ModelCase/engineMath``), so that any other arithmetic of the run still has to match, and
/// its drift from torch's record is measured and reported.
public struct TrainingComparison: Sendable {
    /// What a run's numbers are held to.
    public enum Reference: String, Sendable {
        /// Torch's record.
        case torch
        /// The twin's engine-math record.
        case engineMath = "engine math"
    }

    /// The run's name.
    public let name: String
    /// The series held to `reference`: losses, gradients per recorded step (in step order),
    /// final parameters.
    public let series: [SeriesComparison]
    /// What `series` compares the engine with.
    public let reference: Reference
    /// For a run held to engine math, the same series compared with torch's record: the drift
    /// the deviations cause, reported and not required to match. Empty otherwise.
    public let drift: [SeriesComparison]
    /// The documented deviations the run goes through (see ``TrainingDeviations``).
    public let deviations: [String]

    /// Compares the engine's `actual` record of run `name` with torch's `expected` one; a run
    /// going through `deviations` is reported but not required to match (there is no
    /// engine-math record to hold it to).
    public init(name: String, expected: TrainingRecord, actual: TrainingRecord, deviations: [String] = []) {
        self.name = name
        self.deviations = deviations
        reference = .torch
        series = TrainingComparison.series(expected: expected, actual: actual)
        drift = []
    }

    /// Compares the engine's `actual` record of run `name`, going through `deviations`, with
    /// the twin's `engineMath` record at 0 ulp, and measures its drift from torch's `expected`.
    public init(
        name: String, expected: TrainingRecord, engineMath: TrainingRecord, actual: TrainingRecord,
        deviations: [String]
    ) {
        self.name = name
        self.deviations = deviations
        reference = .engineMath
        series = TrainingComparison.series(expected: engineMath, actual: actual)
        drift = TrainingComparison.series(expected: expected, actual: actual)
    }

    /// Compares the engine's `actual` record of `model`, computed in `mode`, with its goldens:
    /// in an exact mode with torch's record, every number at 0 ulp; under the table with the
    /// engine-math record when it has one and `mode` computes with the default library, else
    /// with torch's (a run through deviations then reported, not required to match).
    public init(_ model: ModelCase, actual: TrainingRecord, mode: ParityMode = .documentedDeviations) {
        let deviations = TrainingDeviations.of(model.spec)
        if mode.isExact {
            self.init(name: model.spec.name, expected: model.expected, actual: actual)
        } else if let engineMath = model.engineMath, mode.holdsToEngineMath {
            self.init(
                name: model.spec.name, expected: model.expected, engineMath: engineMath, actual: actual,
                deviations: deviations)
        } else {
            self.init(name: model.spec.name, expected: model.expected, actual: actual, deviations: deviations)
        }
    }

    /// Trains `model`'s run with the engine in `mode` and compares it with its goldens.
    public static func training(_ model: ModelCase, in mode: ParityMode) -> TrainingComparison {
        TrainingComparison(model, actual: mode.run { Training.run(model.spec) }, mode: mode)
    }

    /// Losses, gradients per recorded step (in step order) and final parameters compared.
    static func series(expected: TrainingRecord, actual: TrainingRecord) -> [SeriesComparison] {
        var series = [SeriesComparison("losses", expected: expected.losses, actual: actual.losses)]
        for step in Set(expected.gradients.keys).union(actual.gradients.keys).sorted() {
            series.append(
                SeriesComparison(
                    "gradients at step \(step)", expected: expected.gradients[step] ?? [],
                    actual: actual.gradients[step] ?? []))
        }
        series.append(
            SeriesComparison(
                "final parameters", expected: expected.finalParameters,
                actual: actual.finalParameters))
        return series
    }

    /// Whether every number matches its reference exactly.
    public var matches: Bool { series.allSatisfy(\.passed) }

    /// Whether the run matches; a run compared with torch only, through documented deviations,
    /// passes whatever it differs by.
    public var passed: Bool { matches || (reference == .torch && !deviations.isEmpty) }

    /// `ok`, `FAILED`, or how a run with documented deviations compared with torch only fared.
    public var verdict: String {
        if reference == .engineMath || deviations.isEmpty { return matches ? "ok" : "FAILED" }
        return (matches ? "ok despite " : "differs through ") + deviations.joined(separator: ", ")
    }

    /// The losses compared.
    public var losses: SeriesComparison { series[0] }

    /// The largest gradient difference over the recorded steps.
    public var worstGradient: UlpDistance { series.dropFirst().dropLast().map(\.worst).max() ?? .zero }

    /// How many gradients were compared.
    public var gradientCount: Int { series.dropFirst().dropLast().reduce(0) { $0 + $1.expected.count } }

    /// The final parameters compared.
    public var finalParameters: SeriesComparison { series[series.count - 1] }

    /// Where each series first diverges from its reference: the first step whose loss differs
    /// is where the forward pass went wrong; a gradient that differs at step 0 (before any
    /// update) points at the backward pass.
    public var failureText: String {
        let mark = passed ? "~" : "✗"
        let header = "\(mark) model \(name) (\(verdict), compared with \(reference.rawValue)):"
        return ([header] + series.compactMap(divergenceText).map { "    " + $0 }).joined(separator: "\n")
    }

    /// Where `series` first diverges, naming its reference.
    private func divergenceText(_ series: SeriesComparison) -> String? {
        guard let i = series.firstDivergence else { return nil }
        guard i < series.expected.count && i < series.actual.count else {
            return "\(series.name): \(series.expected.count) expected, \(series.actual.count) computed"
        }
        let (expected, actual) = (series.expected[i], series.actual[i])
        return "\(series.name) [\(i)]: expected (\(reference.rawValue)) \(FailureDetail.both(expected)), actual (engine) "
            + "\(FailureDetail.both(actual)), \(UlpDistance(expected, actual)) (budget \(series.budget) ulp)"
    }
}
