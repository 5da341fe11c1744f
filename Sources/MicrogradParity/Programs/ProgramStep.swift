import Micrograd

/// One step of a ``CaseProgram``: it defines one node from earlier nodes, named by their
/// step index, exactly as a line of micrograd code (or of its torch twin) would.
public enum ProgramStep: Sendable {
    /// `Value(x)`: a leaf (torch: a 0-dim float64 tensor with `requires_grad=True`).
    case leaf(Double)
    /// `-x`, `x.exp()`, `x.log()`, `x.tanh()`, `x.relu()` or `x.sigmoid()`.
    case unary(Op, Int)
    /// `x + y`, `x - y`, `x * y` or `x / y`.
    case binary(Op, Int, Int)
    /// `x + c`, `x - c`, `x * c` or `x / c` with a plain number `c`.
    case constantRight(Op, Int, Double)
    /// `c + x`, `c - x`, `c * x` or `c / x` (op ``Op/rdiv``) with a plain number `c`.
    case constantLeft(Op, Double, Int)
    /// `x ** e` with a plain number `e`.
    case pow(Int, exponent: Double)

    /// The unary operations a step can apply.
    public static let unaryOps: [Op] = [.neg, .exp, .log, .tanh, .relu, .sigmoid]
    /// The operations that combine two nodes, or a node and a number on its right.
    public static let binaryOps: [Op] = [.add, .sub, .mul, .div]
    /// The operations with a number on the left (`c / x` is ``Op/rdiv``).
    public static let constantLeftOps: [Op] = [.add, .sub, .mul, .rdiv]

    /// The operation this step records (``Op/leaf`` for a leaf).
    public var op: Op {
        switch self {
        case .leaf: .leaf
        case .unary(let op, _), .binary(let op, _, _), .constantRight(let op, _, _), .constantLeft(let op, _, _): op
        case .pow: .pow
        }
    }

    /// The step indices of the node operands, in operator order.
    public var operands: [Int] {
        switch self {
        case .leaf: []
        case .unary(_, let x), .constantRight(_, let x, _), .constantLeft(_, _, let x), .pow(let x, _): [x]
        case .binary(_, let x, let y): [x, y]
        }
    }

    /// The plain number of the step (a leaf's value, a constant, an exponent), if any.
    public var number: Double? {
        switch self {
        case .leaf(let x), .constantRight(_, _, let x), .constantLeft(_, let x, _), .pow(_, let x): x
        case .unary, .binary: nil
        }
    }

    /// The step as micrograd code, naming nodes `#i`: `"#3 * 2.5"`, `"(-1.0) / #0"`.
    public var expression: String {
        switch self {
        case .leaf(let x): "Value(\(x))"
        case .unary(.neg, let x): "-#\(x)"
        case .unary(let op, let x): "#\(x).\(op.name)()"
        case .binary(let op, let x, let y): "#\(x) \(op.infix) #\(y)"
        case .constantRight(let op, let x, let c): "#\(x) \(op.infix) \(c)"
        case .constantLeft(let op, let c, let x): "\(c) \(op.infix) #\(x)"
        case .pow(let x, let e): "#\(x) ** \(e)"
        }
    }
}

extension Op {
    /// The names of the operations case programs use, as case files and torch spell them.
    static let programNames: [Op: String] = [
        .leaf: "leaf", .add: "add", .sub: "sub", .mul: "mul", .div: "div", .rdiv: "rdiv", .pow: "pow",
        .neg: "neg", .exp: "exp", .log: "log", .tanh: "tanh", .relu: "relu", .sigmoid: "sigmoid",
    ]

    /// The operations case programs compute (every one of ``programNames`` but `leaf`), in
    /// `Op.allCases` order: what the parity suite reports and tests per operation.
    public static var programOperations: [Op] { allCases.filter { $0 != .leaf && programNames[$0] != nil } }

    /// The operation's name in case files and torch (`"add"`, `"rdiv"`, `"tanh"`); operations
    /// programs do not use go by their symbol.
    public var name: String { Op.programNames[self] ?? description }

    /// The Python operator of an arithmetic operation.
    var infix: String {
        switch self {
        case .add: "+"
        case .sub: "-"
        case .mul: "*"
        case .div, .rdiv: "/"
        default: name
        }
    }
}
