/// Where the engine's results may differ from PyTorch's, by how much, and why: the one table of
/// tolerances. The parity suite holds every other value and gradient to 0 ulp, and the README
/// prints this table.
///
/// Every entry has one cause: the engine's functions (``MathLibrary/default``, ``PortableMath``)
/// are correctly rounded, and torch's are not. The pinned torch computes float64 `exp`, `log`,
/// `tanh` and `sqrt` with Intel MKL's vector math kernels, and `pow` (general exponents) and
/// `sigmoid`'s exponential with the C library (glibc's `pow` is within 0.52 ulp, its `exp`
/// within 0.51). Where torch's result is not the nearest double, the engine's differs from it by
/// one ulp (two for `sigmoid`, whose `1 / (1 + e)` can double it). With torch's own kernels as
/// the library (`MicrogradTorch`'s `TorchKernelLibrary`) there is no deviation at all, and the
/// parity suite uses no table.
///
/// The figures come from `python Reference/measure_deviations.py` (the reference venv's Python),
/// which compares torch 2.15.0 with the correctly rounded functions (mpmath) on 200,000 random
/// inputs per function.
public struct TorchDeviation: Sendable, CustomStringConvertible {
    /// Which formula an entry covers.
    public enum Direction: String, Sendable {
        /// The node's value.
        case forward
        /// The gradient the node's backward formula hands to its operand.
        case backward
    }

    /// The exponents of ``Op/pow`` an entry covers.
    public enum Exponents: Sendable, Equatable {
        /// Every exponent (an entry of another operation).
        case all
        /// One exponent.
        case only(Double)
        /// The exponents torch computes with the C library's `pow`: forward, those without a
        /// shortcut in torch's kernel; backward, those whose gradient's power `x.pow(e - 1)`
        /// has none (the engine's `TorchKernels` has the shortcuts).
        case general
    }

    /// The operation.
    public let op: Op
    /// For ``Op/pow``, the exponents the entry covers.
    public let exponents: Exponents
    /// Value or gradient.
    public let direction: Direction
    /// The largest difference allowed, in ulps.
    public let budget: UInt64
    /// What was measured when the entry was added.
    public let measured: String
    /// Why the difference cannot be 0.
    public let why: String

    /// The table.
    public static let all: [TorchDeviation] = [
        TorchDeviation(
            op: .exp, exponents: .all, direction: .forward, budget: 1,
            measured: "1,039 of 200,000 inputs (0.52%) differ, all by 1 ulp",
            why: "torch.exp is MKL vmdExp, not correctly rounded"),
        TorchDeviation(
            op: .log, exponents: .all, direction: .forward, budget: 1,
            measured: "26 of 200,000 inputs (0.01%) differ, all by 1 ulp",
            why: "torch.log is MKL vmdLn, not correctly rounded"),
        TorchDeviation(
            op: .tanh, exponents: .all, direction: .forward, budget: 1,
            measured: "951 of 200,000 inputs (0.48%) differ, all by 1 ulp",
            why: "torch.tanh is MKL vmdTanh, not correctly rounded"),
        TorchDeviation(
            op: .sigmoid, exponents: .all, direction: .forward, budget: 2,
            measured: "73 of 200,000 inputs (0.04%) differ, by at most 2 ulp",
            why: "torch.sigmoid of one element is 1 / (1 + exp(-x)) with the C library's exp, not correctly rounded"),
        TorchDeviation(
            op: .pow, exponents: .only(0.5), direction: .forward, budget: 1,
            measured: "2,651 of 200,000 inputs (1.33%) differ, all by 1 ulp",
            why: "x.pow(0.5) is torch.sqrt, MKL vmdSqrt, not correctly rounded"),
        TorchDeviation(
            op: .pow, exponents: .only(1.5), direction: .backward, budget: 1,
            measured: "as x.pow(0.5)",
            why: "the gradient of x.pow(1.5) is g * (1.5 * x.pow(0.5)): the same sqrt, measured on x.pow(0.5) there"),
        TorchDeviation(
            op: .pow, exponents: .general, direction: .forward, budget: 1,
            measured: "160 of 200,000 inputs (0.08%) differ, all by 1 ulp",
            why: "torch's x.pow(e) is the C library's pow, not correctly rounded"),
        TorchDeviation(
            op: .pow, exponents: .general, direction: .backward, budget: 1,
            measured: "164 of 200,000 inputs (0.08%) differ, all by 1 ulp",
            why: "the gradient g * (e * x.pow(e - 1)) takes that pow: measured on x.pow(e - 1) there"),
    ]

    /// The budget of `op`'s value (`.forward`) or of the gradient its backward formula produces
    /// (`.backward`); `exponent` is the constant of a ``Op/pow`` node.
    public static func budget(_ op: Op, exponent: Double? = nil, _ direction: Direction) -> UInt64 {
        all.filter { $0.op == op && $0.direction == direction && $0.covers(exponent) }.map(\.budget).max() ?? 0
    }

    /// Whether the entry covers a node with `exponent` (nil for operations other than pow).
    func covers(_ exponent: Double?) -> Bool {
        switch exponents {
        case .all: return true
        case .only(let e): return exponent == e
        case .general:
            guard let e = exponent else { return false }
            return !TorchKernels.hasShortcut(direction == .forward ? e : e - 1)
        }
    }

    /// The torch the entries were measured against.
    public static let measuredAgainst = "torch 2.15.0"

    /// The table as the README prints it: one Markdown row per entry, under a header.
    /// `micrograd parity --table` prints it, and a test holds the README's copy to it, so the
    /// table is written once, here.
    public static var markdownTable: String {
        var lines = [
            "| operation | budget | measured against \(measuredAgainst) | why |",
            "|-----------|--------|-------------------------------|-----|",
        ]
        for entry in all {
            let name =
                switch entry.exponents {
                case .all: "`\(entry.op)`"
                case .only(let e): "`pow(x, \(e))`"
                case .general: "`pow(x, e)`, other `e`,"
                }
            let quantity = entry.direction == .forward ? "value" : "gradient"
            lines.append("| \(name) \(quantity) | \(entry.budget) ulp | \(entry.measured) | \(entry.why) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `op(e=…) forward: 1 ulp — why (measured)`.
    public var description: String {
        let name =
            switch exponents {
            case .all: "\(op)"
            case .only(let e): "\(op)(e=\(e))"
            case .general: "\(op)(other e)"
            }
        return "\(name) \(direction.rawValue): \(budget) ulp — \(why) (\(measured))"
    }
}
