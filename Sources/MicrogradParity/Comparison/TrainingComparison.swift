import Micrograd

/// A training run of the engine compared with its PyTorch twin: every loss, the gradients of
/// steps 0, 1 and the last, and the final parameters.
public struct TrainingComparison: Sendable {
    /// The run's name.
    public let name: String
    /// The series compared: losses, gradients per recorded step (in step order), final parameters.
    public let series: [SeriesComparison]
    /// The documented deviations the run goes through (see ``TrainingDeviations``); a run with
    /// any is reported but not required to match.
    public let deviations: [String]

    /// Compares the engine's `actual` record of run `name` with torch's `expected` one; a run
    /// going through `deviations` is not required to match.
    public init(name: String, expected: TrainingRecord, actual: TrainingRecord, deviations: [String] = []) {
        self.name = name
        self.deviations = deviations
        var series = [SeriesComparison("losses", expected: expected.losses, actual: actual.losses)]
        for step in Set(expected.gradients.keys).union(actual.gradients.keys).sorted() {
            series.append(SeriesComparison("gradients at step \(step)", expected: expected.gradients[step] ?? [],
                                           actual: actual.gradients[step] ?? []))
        }
        series.append(SeriesComparison("final parameters", expected: expected.finalParameters,
                                       actual: actual.finalParameters))
        self.series = series
    }

    /// Whether every number matches exactly.
    public var matches: Bool { series.allSatisfy(\.passed) }

    /// Whether the run matches, or differs only because of documented deviations.
    public var passed: Bool { matches || !deviations.isEmpty }

    /// `ok`, `FAILED`, or how a run with documented deviations fared.
    public var verdict: String {
        if deviations.isEmpty { return matches ? "ok" : "FAILED" }
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

    /// Where each series first diverges: the first step whose loss differs is where the
    /// forward pass went wrong; a gradient that differs at step 0 (before any update) points
    /// at the backward pass.
    public var failureText: String {
        let mark = deviations.isEmpty ? "✗" : "~"
        return ([mark + " model \(name) (\(verdict)):"] + series.compactMap(\.divergenceText).map { "    " + $0 }).joined(separator: "\n")
    }
}
