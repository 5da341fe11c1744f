/// The text of the training-run comparisons: a table of what was compared per run, and where
/// each failing run first diverges.
public enum TrainingReport {
    /// A summary of `comparisons`, whose goldens came from `source`.
    public static func summary(_ comparisons: [TrainingComparison], source: String) -> String {
        let passed = comparisons.allSatisfy(\.passed)
        var lines = ["Training parity: \(passed ? "PASSED" : "FAILED") — \(comparisons.count) runs held to 0 ulp unless they "
            + "go through a documented deviation (TorchDeviation); goldens: \(source)"]
        lines += TextTable.render(
            header: ["model", "losses", "worst loss", "grads", "worst grad", "params", "worst param", "result"],
            rows: comparisons.map { run in
                [run.name, "\(run.losses.expected.count)", "\(run.losses.worst)", "\(run.gradientCount)", "\(run.worstGradient)",
                 "\(run.finalParameters.expected.count)", "\(run.finalParameters.worst)", run.verdict]
            })
        lines += comparisons.filter { !$0.matches }.map(\.failureText)
        return lines.joined(separator: "\n")
    }
}
