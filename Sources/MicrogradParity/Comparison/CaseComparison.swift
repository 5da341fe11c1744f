import Micrograd

/// Which result of a node is compared.
public enum Quantity: String, Sendable {
    /// The forward value (`.data`).
    case value
    /// The gradient (`.grad`).
    case grad
}

/// A node whose value or gradient differs from PyTorch's by more than its budget.
public struct NodeMismatch: Sendable {
    /// The node's step index.
    public let node: Int
    /// Whether its value or its gradient differs.
    public let quantity: Quantity
    /// What torch computed (nil: a gradient torch never computed, compared as `+0.0`).
    public let expected: Double?
    /// What the engine computed.
    public let actual: Double
    /// How far apart they are.
    public let distance: UlpDistance
    /// The difference allowed (see ``Budgets``).
    public let budget: UInt64
}

/// One case's engine results compared with torch's, node by node, value and gradient.
public struct CaseComparison: Sendable {
    /// The case.
    public let program: CaseProgram
    /// What torch computed.
    public let expected: ExpectedResults
    /// What the engine computed.
    public let actual: ActualResults
    /// Value mismatches in creation order: the first is where the forward pass diverges.
    public let valueMismatches: [NodeMismatch]
    /// Gradient mismatches in backward order (descending node index): the first is where the
    /// backward pass diverges, the rest its cascade.
    public let gradMismatches: [NodeMismatch]
    /// Per operation: the values it computed, and the gradients its backward formula fed (each
    /// gradient counts for every distinct operation consuming the node).
    public let perOp: [Op: OpStatistics]
    /// The largest value difference of any node.
    public let worstValueDistance: UlpDistance
    /// The largest gradient difference of any node (the root's and unreached ones' included).
    public let worstGradDistance: UlpDistance
    /// What the engine computed with and the budgets (``actual`` must come from ``ProgramRun``
    /// in the same mode).
    public let mode: ParityMode

    /// Compares every value and every gradient, each within its budget in `mode` (see ``Budgets``).
    public init(
        program: CaseProgram, expected: ExpectedResults, actual: ActualResults,
        mode: ParityMode = .documentedDeviations
    ) {
        precondition(
            expected.values.count == program.steps.count && actual.values.count == program.steps.count,
            "results must have one entry per step")
        self.mode = mode
        self.program = program
        self.expected = expected
        self.actual = actual
        var gradBudgets = [UInt64](repeating: 0, count: program.steps.count)
        var consumerOps = [[Op]](repeating: [], count: program.steps.count)
        for (i, step) in program.steps.enumerated() {
            // A deviating backward formula with torch's factor at hand is measured on its own
            // gradient (below); the operand's gradient is then held to 0 ulp.
            let measuredOnItsOwn = actual.powGradients[i] != nil
            for operand in Set(step.operands) {
                consumerOps[operand].append(step.op)
                if !measuredOnItsOwn { gradBudgets[operand] = max(gradBudgets[operand], Budgets.gradient(from: step, in: mode)) }
            }
        }
        var valueMismatches: [NodeMismatch] = [], gradMismatches: [NodeMismatch] = []
        var perOp: [Op: OpStatistics] = [:]
        var worstValueDistance = UlpDistance.zero, worstGradDistance = UlpDistance.zero
        for (i, step) in program.steps.enumerated() {
            let distance = UlpDistance(expected.values[i], actual.values[i])
            perOp[step.op, default: OpStatistics()].addValue(distance)
            worstValueDistance = max(worstValueDistance, distance)
            let budget = Budgets.value(of: step, in: mode)
            if distance.steps > budget {
                valueMismatches.append(
                    NodeMismatch(
                        node: i, quantity: .value, expected: expected.values[i],
                        actual: actual.values[i], distance: distance, budget: budget))
            }
        }
        for i in program.steps.indices.reversed() {
            let distance = UlpDistance(expected.grads[i] ?? 0, actual.grads[i])
            for op in Set(consumerOps[i]) { perOp[op, default: OpStatistics()].addGrad(distance) }
            worstGradDistance = max(worstGradDistance, distance)
            if distance.steps > gradBudgets[i] {
                gradMismatches.append(
                    NodeMismatch(
                        node: i, quantity: .grad, expected: expected.grads[i],
                        actual: actual.grads[i], distance: distance, budget: gradBudgets[i]))
            }
        }
        for (i, engine) in actual.powGradients.sorted(by: { $0.key > $1.key }) {
            guard case .pow(let x, let e) = program.steps[i], let factor = expected.powFactors[i], let g = expected.grads[i],
                let power = actual.powBackwardPowers[i]
            else { continue }
            let torch = g * factor // torch's `grad * (e * x.pow(e - 1))`, one rounding
            // Measured where it arises: on the power inside the formula (see `PowFactorDistance`).
            let distance = PowFactorDistance.distance(power: power, exponent: e, torchFactor: factor)
            perOp[.pow, default: OpStatistics()].addGrad(distance)
            worstGradDistance = max(worstGradDistance, distance)
            let budget = Budgets.gradient(from: program.steps[i], in: mode)
            if distance.steps > budget {
                gradMismatches.append(
                    NodeMismatch(
                        node: x, quantity: .grad, expected: torch, actual: engine,
                        distance: distance, budget: budget))
            }
        }
        gradMismatches.sort { $0.node > $1.node }
        self.valueMismatches = valueMismatches
        self.gradMismatches = gradMismatches
        self.perOp = perOp
        self.worstValueDistance = worstValueDistance
        self.worstGradDistance = worstGradDistance
    }

    /// Whether every value and gradient is within its budget.
    public var passed: Bool { valueMismatches.isEmpty && gradMismatches.isEmpty }

    /// The first value that differs, in creation order.
    public var firstValueDivergence: NodeMismatch? { valueMismatches.first }

    /// The first gradient that differs, in backward order: the cause, not its cascade.
    public var firstGradDivergence: NodeMismatch? { gradMismatches.first }
}
