/// The description of one failing case: where it first diverges and what fed that node.
///
/// For values, the first divergent node in creation order; for gradients, in backward order
/// (descending node index) — the node whose gradient went wrong first, not its cascade — with
/// the consumers whose backward formulas produced that gradient.
public enum FailureDetail {
    /// The description of `comparison` of a case in `family`; with a `graphDirectory`, a case of
    /// at most ``FailureGraph/maximumNodes`` nodes is written there as a DOT file too.
    public static func text(_ comparison: CaseComparison, family: String, graphDirectory: String? = nil) -> String {
        let program = comparison.program
        let steps = program.steps.count
        var lines = [
            "✗ \(family): case \"\(program.name)\": \(comparison.valueMismatches.count) of \(steps) values "
                + "and \(comparison.gradMismatches.count) of \(steps) grads differ"
        ]
        if let mismatch = comparison.firstValueDivergence {
            lines.append("  first divergent value (creation order): node \(definition(mismatch.node, in: comparison))")
            lines += operandLines(mismatch.node, in: comparison)
            lines += numberLines(mismatch)
        }
        if let mismatch = comparison.firstGradDivergence {
            lines.append(
                "  first divergent grad (backward order: the cause; lower nodes are its cascade): node "
                    + definition(mismatch.node, in: comparison))
            lines += numberLines(mismatch)
            lines += consumerLines(mismatch.node, in: comparison)
        }
        if let directory = graphDirectory {
            let highlighted = (comparison.firstValueDivergence ?? comparison.firstGradDivergence)!.node
            lines.append("  graph: " + FailureGraph.write(comparison, family: family, highlighting: highlighted, into: directory))
        }
        return lines.joined(separator: "\n")
    }

    /// `#3 = #1 * #2`, or `#0 = Value(0.7)`.
    static func definition(_ node: Int, in comparison: CaseComparison) -> String {
        "#\(node) = \(comparison.program.steps[node].expression)"
    }

    /// A number in decimal and hex.
    static func both(_ x: Double) -> String { "\(x) (\(HexFloat.format(x)))" }

    static func numberLines(_ mismatch: NodeMismatch) -> [String] {
        [
            "      expected (torch)  " + (mismatch.expected.map(both) ?? "None: never reached (compared as 0.0)"),
            "      actual (engine)   " + both(mismatch.actual),
            "      distance          \(mismatch.distance) (budget \(mismatch.budget) ulp)",
        ]
    }

    /// Torch's value of node `i`, and the engine's when it differs (within a documented
    /// deviation, since `i` comes before the first divergence).
    static func value(_ i: Int, in comparison: CaseComparison) -> String {
        let torch = comparison.expected.values[i], engine = comparison.actual.values[i]
        let same = UlpDistance(torch, engine) == .zero
        return both(torch) + (same ? "" : " (engine: \(both(engine)), a documented deviation)")
    }

    static func operandLines(_ node: Int, in comparison: CaseComparison) -> [String] {
        let step = comparison.program.steps[node]
        var lines = step.operands.map { "      operand #\($0) = \(value($0, in: comparison))" }
        if case .leaf = step {
        } else if let number = step.number {
            lines.append("      constant \(both(number))")
        }
        return lines
    }

    static func consumerLines(_ node: Int, in comparison: CaseComparison) -> [String] {
        let consumers = comparison.program.consumers(of: node)
        if consumers.isEmpty {
            return ["      no node uses #\(node): its gradient is backward's seed (root) or never computed"]
        }
        return ["      its gradient is what these consumers' backward formulas sent it, in this order (torch's numbers):"]
            + consumers.reversed().map { consumer in
                "        \(definition(consumer, in: comparison)): value \(value(consumer, in: comparison)), grad "
                    + (comparison.expected.grads[consumer].map(both) ?? "None")
            }
            + ["      and its own value is \(value(node, in: comparison))"]
    }
}
