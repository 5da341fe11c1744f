import Micrograd

/// A ``CaseProgram`` run through the engine's public `Value` API: each step applied with the
/// operator micrograd code would use (a `Double` on the side the program puts it), then
/// `backward()` on the root, with the engine computing with the ``ParityMode``'s math library.
///
/// Under the table (a mode that is not exact), given torch's results, a node whose operation has a documented forward deviation (see
/// ``Budgets``) and whose value is within it is set to torch's value right after it is
/// computed (`node.data = …`), so the nodes after it, and the backward formulas, see torch's
/// numbers: each deviation is measured where it arises instead of cascading, and everything
/// else is still held to 0 ulp. ``values`` keeps what the engine computed.
///
/// A documented deviation of a backward formula (`x ** e` for some `e`, whose gradient torch
/// computes with its own square root) is measured the same way, where it arises: on the
/// gradient that formula alone hands to `x` (``ActualResults/powGradients``), given torch's
/// gradient of the step. The gradients of the nodes come from a second run in which each such
/// step is `x * k`, with `k` the factor torch's backward multiplied the gradient by and the
/// value set to torch's, so every node, `x` included, still sees torch's numbers.
public struct ProgramRun {
    /// The node of every step, in step order.
    public let nodes: [Value]
    /// Every node's forward value as the engine computed it (before any alignment).
    public let values: [Double]
    /// The nodes set to torch's value because they were within a documented deviation.
    public let alignedNodes: [Int]
    /// Every node's gradient (`0` where backward never reached it, as the engine reports it).
    public let grads: [Double]
    /// See ``ActualResults/powGradients``.
    public let powGradients: [Int: Double]
    /// See ``ActualResults/powBackwardPowers``.
    public let powBackwardPowers: [Int: Double]

    /// Runs `program` and its backward pass with `mode`'s math library, aligning the deviations
    /// `mode` allows to `expected` (none when it is exact).
    public init(
        _ program: CaseProgram, aligningDeviationsTo expected: ExpectedResults? = nil,
        mode: ParityMode = .documentedDeviations
    ) {
        self = mode.run { ProgramRun(running: program, aligningDeviationsTo: expected, mode: mode) }
    }

    private init(running program: CaseProgram, aligningDeviationsTo expected: ExpectedResults?, mode: ParityMode) {
        let run = ProgramRun.record(program, aligningTo: expected, mode: mode)
        run.nodes[program.root].backward()
        var grads = run.nodes.map(\.grad)
        var powGradients: [Int: Double] = [:], powBackwardPowers: [Int: Double] = [:]
        if let expected {
            let factors = expected.powFactors.filter { Budgets.gradient(from: program.steps[$0.key], in: mode) > 0 }
            if !factors.isEmpty {
                let second = ProgramRun.record(program, aligningTo: expected, mode: mode, factors: factors)
                second.nodes[program.root].backward()
                grads = second.nodes.map(\.grad)
                for i in factors.keys {
                    guard case .pow(let x, let e) = program.steps[i], let g = expected.grads[i] else { continue }
                    powGradients[i] = ProgramRun.powGradient(g, x: run.nodes[x].data, exponent: e)
                    powBackwardPowers[i] = (Value(run.nodes[x].data) ** (e - 1)).data
                }
            }
        }
        nodes = run.nodes
        values = run.values
        alignedNodes = run.aligned
        self.grads = grads
        self.powGradients = powGradients
        self.powBackwardPowers = powBackwardPowers
    }

    /// What the engine's `x ** e` backward formula alone hands to `x` for the incoming
    /// gradient `g` (`(x ** e) * g` passes `g` to the power exactly).
    static func powGradient(_ g: Double, x: Double, exponent e: Double) -> Double {
        let leaf = Value(x)
        ((leaf ** e) * g).backward()
        return leaf.grad
    }

    /// Records `program`'s nodes, aligning the forward deviations `mode` allows to `expected`,
    /// and recording each step in `factors` as `x * factor` with torch's value.
    static func record(
        _ program: CaseProgram, aligningTo expected: ExpectedResults?, mode: ParityMode, factors: [Int: Double] = [:]
    ) -> (nodes: [Value], values: [Double], aligned: [Int]) {
        var nodes: [Value] = [], values: [Double] = [], aligned: [Int] = []
        nodes.reserveCapacity(program.steps.count)
        values.reserveCapacity(program.steps.count)
        for (i, step) in program.steps.enumerated() {
            if let expected, let factor = factors[i], case .pow(let x, _) = step {
                let node = nodes[x] * factor
                values.append(node.data)
                node.data = expected.values[i]
                nodes.append(node)
                continue
            }
            let node = ProgramRun.apply(step, to: nodes)
            values.append(node.data)
            if let expected, node.data.bitPattern != expected.values[i].bitPattern {
                let budget = Budgets.value(of: step, in: mode)
                if budget > 0 && UlpDistance(node.data, expected.values[i]).steps <= budget {
                    node.data = expected.values[i]
                    aligned.append(i)
                }
            }
            nodes.append(node)
        }
        return (nodes, values, aligned)
    }

    /// The values and gradients, detached from the graph.
    public var results: ActualResults {
        ActualResults(values: values, grads: grads, powGradients: powGradients, powBackwardPowers: powBackwardPowers)
    }

    static func apply(_ step: ProgramStep, to nodes: [Value]) -> Value {
        switch step {
        case .leaf(let x): return Value(x)
        case .unary(let op, let i): return unary(op, nodes[i])
        case .binary(let op, let i, let j): return binary(op, nodes[i], nodes[j])
        case .constantRight(let op, let i, let c): return constantRight(op, nodes[i], c)
        case .constantLeft(let op, let c, let i): return constantLeft(op, c, nodes[i])
        case .pow(let i, let e): return nodes[i] ** e
        }
    }

    static func unary(_ op: Op, _ x: Value) -> Value {
        switch op {
        case .neg: -x
        case .exp: x.exp()
        case .log: x.log()
        case .tanh: x.tanh()
        case .relu: x.relu()
        case .sigmoid: x.sigmoid()
        default: preconditionFailure("\(op.name) is not a unary step")
        }
    }

    static func binary(_ op: Op, _ x: Value, _ y: Value) -> Value {
        switch op {
        case .add: x + y
        case .sub: x - y
        case .mul: x * y
        case .div: x / y
        default: preconditionFailure("\(op.name) is not a binary step")
        }
    }

    static func constantRight(_ op: Op, _ x: Value, _ c: Double) -> Value {
        switch op {
        case .add: x + c
        case .sub: x - c
        case .mul: x * c
        case .div: x / c
        default: preconditionFailure("\(op.name) cannot take a constant on the right")
        }
    }

    static func constantLeft(_ op: Op, _ c: Double, _ x: Value) -> Value {
        switch op {
        case .add: c + x
        case .sub: c - x
        case .mul: c * x
        case .rdiv: c / x
        default: preconditionFailure("\(op.name) cannot take a constant on the left")
        }
    }
}

/// What the engine computed for a program: every node's value and gradient, in step order.
public struct ActualResults: Sendable {
    /// Forward values.
    public var values: [Double]
    /// Gradients after `backward()` on the root (`0` for nodes it never reached).
    public var grads: [Double]
    /// For each `x ** e` step whose backward formula has a documented deviation, by step index:
    /// the gradient that formula alone hands to `x`, given torch's gradient of the step.
    public var powGradients: [Int: Double]
    /// For the same steps: the power `x.pow(e - 1)` that formula multiplies by `e` (then by
    /// the incoming gradient), where the deviation arises.
    public var powBackwardPowers: [Int: Double]

    /// Results of a program with `values.count` steps.
    public init(
        values: [Double], grads: [Double], powGradients: [Int: Double] = [:],
        powBackwardPowers: [Int: Double] = [:]
    ) {
        precondition(values.count == grads.count, "one value and one gradient per node")
        self.values = values
        self.grads = grads
        self.powGradients = powGradients
        self.powBackwardPowers = powBackwardPowers
    }
}
