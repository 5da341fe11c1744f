/// How far apart two doubles are, in units in the last place: the number of steps between
/// them along the ordered doubles. It is the package's one distance between doubles: the
/// parity harness, the training comparisons and every test assertion (`TestSupport`) use it,
/// and "bit-identical" means 0 ulp by it.
///
/// - `-0.0` and `+0.0` are **1 ulp** apart: they are two points of the ordered doubles (the
///   line runs `…, -leastNonzeroMagnitude, -0.0, +0.0, leastNonzeroMagnitude, …`), so a wrong
///   sign of zero is a mismatch under the 0-ulp budget that holds almost everywhere, and the
///   distance stays a metric (`-tiny` to `+tiny` is 3 = 1 + 1 + 1). It is not "infinitely far"
///   because the sign of a zero is not a NaN-like failure: a rounding that lands on the other
///   zero is one step off, like any other. The table's budgets above 0 (exp, log, tanh, sqrt)
///   are for functions whose zeros keep their sign in torch and in the engine alike.
/// - The largest finite double and infinity are 1 ulp apart.
/// - Any NaN equals any NaN (0 ulp); a NaN and a number are infinitely far apart.
public struct UlpDistance: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The number of steps; `UInt64.max` stands for "NaN against a number".
    public let steps: UInt64

    /// The distance of bit-identical numbers.
    public static let zero = UlpDistance(steps: 0)
    /// The distance between a NaN and a number.
    public static let infinite = UlpDistance(steps: .max)

    /// A distance of `steps` ulps.
    public init(steps: UInt64) { self.steps = steps }

    /// The distance between `a` and `b`.
    public init(_ a: Double, _ b: Double) {
        if a.isNaN || b.isNaN {
            self = a.isNaN && b.isNaN ? .zero : .infinite
            return
        }
        let (ka, kb) = (UlpDistance.orderKey(a), UlpDistance.orderKey(b))
        let (high, low) = ka >= kb ? (ka, kb) : (kb, ka)
        steps = UInt64(bitPattern: high) &- UInt64(bitPattern: low)
    }

    /// Maps doubles to integers in the same order, consecutive doubles to consecutive integers,
    /// `+0.0` to 0 and `-0.0` to -1.
    static func orderKey(_ x: Double) -> Int64 {
        let bits = Int64(bitPattern: x.bitPattern)
        return bits >= 0 ? bits : -(bits & .max) - 1
    }

    /// Whether this is the distance between a NaN and a number.
    public var isInfinite: Bool { steps == .max }

    public static func < (a: UlpDistance, b: UlpDistance) -> Bool { a.steps < b.steps }

    /// `"0 ulp"`, `"3 ulp"`, or `"∞ ulp (NaN vs number)"`.
    public var description: String { isInfinite ? "∞ ulp (NaN vs number)" : "\(steps) ulp" }
}
