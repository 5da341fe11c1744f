import Micrograd

/// A parity case: a program of ``ProgramStep``s whose last step is the root on which
/// `backward()` is called.
///
/// Case files (`Reference/cases/<family>.json`) hold programs as JSON, read by both the Python
/// generator and this harness:
///
/// ```json
/// {"name": "x", "steps": [
///   {"op": "leaf", "value": "0x1.8p+1"},
///   {"op": "mul", "args": [0, 0]},
///   {"op": "sub", "args": [1], "const": "0x1p+0", "constFirst": true},
///   {"op": "pow", "args": [2], "exponent": "-0x1p-1"},
///   {"op": "tanh", "args": [3]}]}
/// ```
///
/// `args` name earlier steps; `const` is a plain number on the right (`constFirst: false`) or
/// on the left (`true`; `c / x` is op `rdiv`, which always takes its constant first).
public struct CaseProgram: Sendable {
    /// The case's unique name within its family, such as `unary/tanh/huge/scaled`.
    public let name: String
    /// The steps, one node each, in creation order.
    public let steps: [ProgramStep]

    /// A program; fails unless every step's operands are earlier steps and its operation
    /// fits its kind of step.
    public init(name: String, steps: [ProgramStep]) throws(FieldError) {
        guard !steps.isEmpty else { throw FieldError(field: "steps", reason: "a program needs at least one step") }
        for (index, step) in steps.enumerated() {
            try CaseProgram.check(step, at: index)
        }
        self.name = name
        self.steps = steps
    }

    /// The index of the root: the last step.
    public var root: Int { steps.count - 1 }

    /// The indices of the steps that use node `index` as an operand, in creation order.
    public func consumers(of index: Int) -> [Int] {
        steps.indices.filter { steps[$0].operands.contains(index) }
    }

    static func check(_ step: ProgramStep, at index: Int) throws(FieldError) {
        let field = "steps[\(index)]"
        for operand in step.operands where !(0..<index).contains(operand) {
            throw FieldError(field: "\(field).args", reason: "operand \(operand) is not an earlier step")
        }
        let allowed: [Op] =
            switch step {
            case .leaf: [.leaf]
            case .unary: ProgramStep.unaryOps
            case .binary, .constantRight: ProgramStep.binaryOps
            case .constantLeft: ProgramStep.constantLeftOps
            case .pow: [.pow]
            }
        guard allowed.contains(step.op) else {
            throw FieldError(
                field: "\(field).op", reason: "\(step.op.name) cannot be used this way (c / x is op rdiv with constFirst true)")
        }
    }
}
