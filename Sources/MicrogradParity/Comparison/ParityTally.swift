import Micrograd

/// The running totals of a parity run: how much was compared, the worst difference per
/// operation and per family, and the failing cases.
public struct ParityTally: Sendable {
    /// Totals of one family.
    public struct FamilyTotals: Sendable {
        /// The family's name.
        public let name: String
        /// Where its goldens came from (``Provenance/summary``), if known.
        public var source: String?
        /// Cases compared and cases with a mismatch.
        public var cases = 0, failedCases = 0
        /// Values and gradients compared.
        public var values = 0, grads = 0
        /// The largest value and gradient differences.
        public var worstValue = UlpDistance.zero, worstGrad = UlpDistance.zero
    }

    /// Per family, in the order they were added.
    public private(set) var families: [FamilyTotals] = []
    /// Per operation.
    public private(set) var ops: [Op: OpStatistics] = [:]
    /// The failing cases, with their family, in the order they were compared.
    public private(set) var failures: [(family: String, comparison: CaseComparison)] = []
    /// Reference files and cases that could not be compared, every one of them.
    public private(set) var problems: [GoldenError] = []

    /// What the comparisons added were run with and held to.
    public let mode: ParityMode

    /// An empty tally of comparisons in `mode`.
    public init(mode: ParityMode = .documentedDeviations) {
        self.mode = mode
    }

    /// Starts a family whose goldens came from `source`.
    public mutating func beginFamily(_ name: String, source: String?) {
        families.append(FamilyTotals(name: name, source: source))
    }

    /// Adds a compared case to the family begun last.
    public mutating func add(_ comparison: CaseComparison) {
        precondition(!families.isEmpty, "beginFamily first")
        precondition(
            comparison.mode.math === mode.math && comparison.mode.isExact == mode.isExact,
            "a comparison of another mode than the tally's")
        var family = families.removeLast()
        family.cases += 1
        family.values += comparison.program.steps.count
        family.grads += comparison.program.steps.count
        family.worstValue = max(family.worstValue, comparison.worstValueDistance)
        family.worstGrad = max(family.worstGrad, comparison.worstGradDistance)
        for (op, statistics) in comparison.perOp { ops[op, default: OpStatistics()].merge(statistics) }
        if !comparison.passed {
            family.failedCases += 1
            failures.append((family.name, comparison))
        }
        families.append(family)
    }

    /// Adds reference files or cases that could not be compared.
    public mutating func add(problems: [GoldenError]) {
        self.problems += problems
    }

    /// Cases compared in all families.
    public var cases: Int { families.reduce(0) { $0 + $1.cases } }
    /// Values compared in all families.
    public var values: Int { families.reduce(0) { $0 + $1.values } }
    /// Gradients compared in all families.
    public var grads: Int { families.reduce(0) { $0 + $1.grads } }
    /// Whether every case could be compared and passed.
    public var passed: Bool { failures.isEmpty && problems.isEmpty }
}
