/// Where the engine's results may differ from PyTorch's, by how much, and why: the one table of
/// tolerances. The parity suite holds every other value and gradient to 0 ulp, and the README
/// prints this table.
///
/// All entries come from the same cause (see ``TorchMath``): the pinned torch computes float64
/// `exp`, `log`, `tanh` and `sqrt` with Intel MKL's closed-source vector math kernels, which
/// are not correctly rounded and cannot be reproduced; the engine's default math library
/// (``MathLibrary/cLibrary``) uses the C library and the correctly rounded square root. With
/// torch's own kernels as the library (`MicrogradTorch`'s `TorchKernelLibrary`) there is no
/// deviation at all, and the parity suite uses no table. The measurements were taken against
/// ``measuredAgainst`` on the reference machine (AVX2, AMD Zen 3): random inputs over each
/// function's useful range plus special values.
public struct TorchDeviation: Sendable, CustomStringConvertible {
    /// Which formula an entry covers.
    public enum Direction: String, Sendable {
        /// The node's value.
        case forward
        /// The gradient the node's backward formula hands to its operand.
        case backward
    }

    /// The operation.
    public let op: Op
    /// For ``Op/pow``, the exponent the entry covers; nil for other operations.
    public let exponent: Double?
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
            op: .exp, exponent: nil, direction: .forward, budget: 1,
            measured: "1,608 of 394,766 inputs (0.41%) differ, all by 1 ulp",
            why: "torch.exp is MKL vmdExp; the engine uses the C library's exp"),
        TorchDeviation(
            op: .log, exponent: nil, direction: .forward, budget: 1,
            measured: "1,311 of 485,042 inputs (0.27%) differ, all by 1 ulp",
            why: "torch.log is MKL vmdLn; the engine uses the C library's log"),
        TorchDeviation(
            op: .tanh, exponent: nil, direction: .forward, budget: 2,
            measured: "60,835 of 447,417 inputs (13.6%) differ, by at most 2 ulp",
            why: "torch.tanh is MKL vmdTanh; the engine uses the C library's tanh"),
        TorchDeviation(
            op: .pow, exponent: 0.5, direction: .forward, budget: 1,
            measured: "~1.2% of inputs differ, all by 1 ulp",
            why: "x.pow(0.5) is torch.sqrt, MKL vmdSqrt; the engine takes the correctly rounded root"),
        TorchDeviation(
            op: .pow, exponent: 1.5, direction: .backward, budget: 1,
            measured: "~1.2% of inputs differ, all by 1 ulp",
            why: "the gradient of x.pow(1.5) is g * (1.5 * x.pow(0.5)): the same sqrt, measured on x.pow(0.5) there"),
    ]

    /// The budget of `op`'s value (`.forward`) or of the gradient its backward formula produces
    /// (`.backward`); `exponent` is the constant of a ``Op/pow`` node.
    public static func budget(_ op: Op, exponent: Double? = nil, _ direction: Direction) -> UInt64 {
        all.filter { $0.op == op && $0.direction == direction && ($0.exponent == nil || $0.exponent == exponent) }
            .map(\.budget).max() ?? 0
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
            let name = entry.exponent.map { "`pow(x, \($0))`" } ?? "`\(entry.op)`"
            let quantity = entry.direction == .forward ? "value" : "gradient"
            lines.append("| \(name) \(quantity) | \(entry.budget) ulp | \(entry.measured) | \(entry.why) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `op(e=…) forward: 1 ulp — why (measured)`.
    public var description: String {
        let name = exponent.map { "\(op)(e=\($0))" } ?? "\(op)"
        return "\(name) \(direction.rawValue): \(budget) ulp — \(why) (\(measured))"
    }
}
