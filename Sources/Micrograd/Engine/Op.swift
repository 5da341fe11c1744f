/// The operation that produced a ``Value``: one node kind of the computation graph.
///
/// Binary operations that take a `Double` on one side record that number as a
/// ``constant`` child, as micrograd wraps plain numbers in a `Value`; constants never
/// receive a gradient (PyTorch treats Python scalars the same way).
public enum Op: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A number created with `Value(_:)`: a leaf that accumulates its gradient.
    case leaf
    /// A plain `Double` operand of an arithmetic operator; it gets no gradient.
    case constant
    /// `a + b`.
    case add
    /// `a - b`.
    case sub
    /// `a * b`.
    case mul
    /// `a / b`, a true division (micrograd computes `a * b**-1`; torch does not).
    case div
    /// `c / x` with a `Double` numerator: torch computes `reciprocal(x) * c`.
    case rdiv
    /// `x.pow(e)` with a constant exponent.
    case pow
    /// `-x`.
    case neg
    /// `x.exp()`.
    case exp
    /// `x.log()`, the natural logarithm.
    case log
    /// `x.tanh()`.
    case tanh
    /// `x.relu()`.
    case relu
    /// `x.sigmoid()`.
    case sigmoid
    /// `b + w0*x0 + w1*x1 + ...`: a neuron's pre-activation, micrograd's chain of `mul` and
    /// `add` nodes recorded as one node (see `Value.weightedSum(bias:weights:inputs:)`).
    case weightedSum

    /// The symbol micrograd's `draw_dot` shows for this operation.
    public var description: String {
        switch self {
        case .leaf: ""
        case .constant: "const"
        case .add: "+"
        case .sub: "-"
        case .mul: "*"
        case .div: "/"
        case .rdiv: "c/"
        case .pow: "**"
        case .neg: "neg"
        case .exp: "exp"
        case .log: "log"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .sigmoid: "sigmoid"
        case .weightedSum: "Σw·x+b"
        }
    }

    /// The number of graph children this operation has (constants count as children), or
    /// nil for ``weightedSum``, whose children are its bias and its terms.
    public var arity: Int? {
        switch self {
        case .leaf, .constant: 0
        case .add, .sub, .mul, .div, .rdiv, .pow: 2
        case .neg, .exp, .log, .tanh, .relu, .sigmoid: 1
        case .weightedSum: nil
        }
    }
}
