import Micrograd

/// The text of a parity run: a summary table, and details of the first failing cases.
public struct ParityReport: Sendable {
    /// What was compared.
    public let tally: ParityTally

    /// A report on `tally`.
    public init(tally: ParityTally) {
        self.tally = tally
    }

    /// How much was compared and the worst difference per family and per operation.
    public var summary: String {
        let mode = tally.mode
        var lines = [
            "PyTorch parity: \(tally.passed ? "PASSED" : "FAILED") — \(tally.cases) cases, "
                + "\(tally.values) values and \(tally.grads) gradients compared; \(mode)\(mode.isExact ? "" : ":")"
        ]
        if !mode.isExact { lines += Budgets.table.map { "  TorchDeviation: " + $0 } }
        for family in tally.families {
            if let source = family.source { lines.append("  goldens \(family.name): \(source)") }
        }
        let familyRows = tally.families.map { family in
            [
                family.name, "\(family.cases)", "\(family.failedCases)", "\(family.values)", "\(family.grads)",
                "\(family.worstValue)", "\(family.worstGrad)",
            ]
        }
        lines += TextTable.render(
            header: ["family", "cases", "failed", "values", "grads", "worst value", "worst grad"],
            rows: familyRows)
        let opRows = Op.allCases.compactMap { op -> [String]? in
            guard let totals = tally.ops[op] else { return nil }
            return [
                op.name, "\(totals.values)", "\(totals.differingValues)", "\(totals.worstValue)",
                "\(totals.grads)", "\(totals.differingGrads)", "\(totals.worstGrad)",
            ]
        }
        lines.append("  per op (values it computed; gradients its backward formula sent to its operands):")
        lines += TextTable.render(header: ["op", "values", "differ", "worst value", "grads", "differ", "worst grad"], rows: opRows)
        if !tally.problems.isEmpty {
            lines.append("  \(tally.problems.count) reference file(s) or case(s) could not be compared:")
            lines += tally.problems.map { "  " + $0.description.split(separator: "\n").joined(separator: "\n  ") }
        }
        return lines.joined(separator: "\n")
    }

    /// The first `limit` failing cases in detail (see ``FailureDetail``), then the number of
    /// the others per family. With a `graphDirectory`, small failing cases are also written
    /// there as DOT files with their first divergent node highlighted.
    public func failureDetails(limit: Int = 5, graphDirectory: String? = nil) -> String {
        guard !tally.failures.isEmpty else { return "" }
        var parts = tally.failures.prefix(limit).map { failure in
            FailureDetail.text(failure.comparison, family: failure.family, graphDirectory: graphDirectory)
        }
        let rest = tally.failures.dropFirst(limit)
        if !rest.isEmpty {
            let counts = tally.families.compactMap { family -> String? in
                let count = rest.filter { $0.family == family.name }.count
                return count == 0 ? nil : "\(family.name) \(count)"
            }
            parts.append("… and \(rest.count) more failing case(s): \(counts.joined(separator: ", "))")
        }
        return parts.joined(separator: "\n")
    }
}

/// Fixed-width text tables.
enum TextTable {
    /// Rows under a header, the first column left-aligned and the others right-aligned.
    static func render(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            "    "
                + row.enumerated().map { column, cell in
                    let padding = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + padding : padding + cell
                }.joined(separator: "  ")
        }
    }
}
