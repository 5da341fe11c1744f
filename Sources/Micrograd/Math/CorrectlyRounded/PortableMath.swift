/// Correctly rounded elementary functions on `Double`, in Swift alone: the same bits on every
/// platform.
///
/// Each function returns the binary64 number nearest to the exact mathematical value (ties to
/// even), so any correct implementation returns the same result, and an independent
/// arbitrary-precision oracle can check it. They use only IEEE 754 basic operations (+ - × ÷,
/// `squareRoot()`) and integer arithmetic: nothing from the platform's C library, not even `fma`
/// or `rint` (which Swift calls there on baseline x86-64).
///
/// Each follows the same route. A fast path evaluates the function in double-double arithmetic
/// with a proven relative error bound (written out at each kernel); Ziv's test accepts its
/// rounding when the whole error interval rounds to one double. Otherwise (about one call in
/// 10⁴ for `log`, far fewer for `exp`) a slow path in wide fixed-point arithmetic (`Wide`,
/// 256 bits, then 512 and 960 until decided) rounds the value. Special values follow C Annex F
/// (IEEE 754-2019 §9.2).
public enum PortableMath {
    /// e^x, correctly rounded. exp(±0) = 1, exp(-inf) = +0, exp(+inf) = +inf; overflow gives
    /// +inf, underflow rounds to subnormals and +0.
    @inlinable public static func exp(_ x: Double) -> Double { expValue(x) }

    /// The natural logarithm, correctly rounded. log(±0) = -inf, log(1) = +0, log(+inf) = +inf,
    /// log(x < 0) = NaN.
    @inlinable public static func log(_ x: Double) -> Double { logValue(x) }

    /// The hyperbolic tangent, correctly rounded. tanh(±0) = ±0, tanh(±inf) = ±1.
    @inlinable public static func tanh(_ x: Double) -> Double { tanhValue(x) }

    /// x raised to the power y, correctly rounded, with the special values of C Annex F
    /// (`pow(x, ±0) = 1`, `pow(1, y) = 1` even for NaN, signed zeros and infinities for odd
    /// integer exponents, NaN for a negative base with a non-integer exponent). Exact results
    /// and midpoints (pow(4, 0.5), pow(2, 10), pow(262143, 3)) are recognised and rounded exactly.
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { powValue(x, y) }

    /// torch's float64 `sigmoid` formula, 1 / (1 + exp(-x)), with the correctly rounded `exp`
    /// (so the result is the same on every platform, though it is not itself correctly rounded).
    @inlinable public static func sigmoid(_ x: Double) -> Double { 1 / (1 + expValue(-x)) }

    @usableFromInline static func expValue(_ x: Double) -> Double { expEvaluated(x).value }
    @usableFromInline static func logValue(_ x: Double) -> Double { logEvaluated(x).value }
    @usableFromInline static func tanhValue(_ x: Double) -> Double { tanhEvaluated(x).value }
    @usableFromInline static func powValue(_ x: Double, _ y: Double) -> Double { powEvaluated(x, y).value }
}
