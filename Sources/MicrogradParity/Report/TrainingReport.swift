/// The text of the training-run comparisons: a table of what each run was held to and how it
/// fared, a table of the drift from torch of the runs through documented deviations, and where
/// each failing run first diverges.
public enum TrainingReport {
    /// A summary of `comparisons`, computed in `mode`, whose goldens came from `source`.
    public static func summary(
        _ comparisons: [TrainingComparison], source: String,
        mode: ParityMode = .documentedDeviations
    ) -> String {
        let passed = comparisons.allSatisfy(\.passed)
        let heldTo =
            if mode.isExact {
                "every number of every run against torch"
            } else if mode.holdsToEngineMath {
                "against torch, or for a run through a documented deviation (TorchDeviation) against engine math (torch with "
                    + "the forward values of tanh, exp, log and sqrt correctly rounded, as the engine computes them)"
            } else {
                "against torch; a run through a documented deviation (TorchDeviation) is compared with torch and reported"
            }
        var lines = [
            "Training parity: \(passed ? "PASSED" : "FAILED") — \(comparisons.count) runs held to 0 ulp: \(heldTo); "
                + "\(mode.math); goldens: \(source)"
        ]
        lines += TextTable.render(
            header: ["model", "held to", "losses", "worst loss", "grads", "worst grad", "params", "worst param", "result"],
            rows: comparisons.map { run in
                [
                    run.name, run.reference.rawValue, "\(run.losses.expected.count)", "\(run.losses.worst)",
                    "\(run.gradientCount)", "\(run.worstGradient)", "\(run.finalParameters.expected.count)",
                    "\(run.finalParameters.worst)", run.verdict,
                ]
            })
        let drifting = comparisons.filter { !$0.drift.isEmpty }
        if !drifting.isEmpty {
            lines.append("  drift from torch (reported, not gated): worst distance per series (numbers that differ / compared)")
            lines += drifting.flatMap(driftLines)
        }
        lines += comparisons.filter { !$0.matches }.map(\.failureText)
        return lines.joined(separator: "\n")
    }

    /// One run's drift: a header naming the deviations it goes through, then one row per series.
    private static func driftLines(_ run: TrainingComparison) -> [String] {
        let rows = run.drift.map { series in
            let differing = zip(series.expected, series.actual).filter { UlpDistance($0, $1) != .zero }.count
            return [series.name, "\(series.worst)", "\(differing)/\(series.expected.count)"]
        }
        return ["  \(run.name), through \(run.deviations.joined(separator: ", ")):"]
            + TextTable.render(header: ["series", "worst", "differ"], rows: rows).map { "  " + $0 }
    }
}
