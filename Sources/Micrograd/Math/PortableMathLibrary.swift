/// ``PortableMath``'s correctly rounded functions as a math library for the engine: the same
/// results on every platform, and the engine's default (``DefaultMath``). The parity twin's
/// engine-math record computes the same functions with mpmath (`Reference/micrograd_ref/portable.py`).
///
/// `pow` is the correctly rounded `pow` for the exponents torch does not special-case
/// (``TorchKernels/pow(_:_:)`` keeps torch's shortcuts for 2, 3, 0.5, -0.5, -1, -2); the scalar
/// `exp` of `sigmoid` is the correctly rounded `exp`. Against the pinned torch, `exp`, `log`,
/// `tanh` and `sqrt` differ where MKL's kernels are not correctly rounded, and `pow` and
/// `sigmoid` where the C library's `pow` and `exp` are not (``TorchDeviation``).
@usableFromInline
enum PortableMathLibrary: MathFunctions {
    @inlinable static func exp(_ x: Double) -> Double { PortableMath.exp(x) }
    @inlinable static func log(_ x: Double) -> Double { PortableMath.log(x) }
    @inlinable static func tanh(_ x: Double) -> Double { PortableMath.tanh(x) }
    @inlinable static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inlinable static func pow(_ x: Double, _ e: Double) -> Double { PortableMath.pow(x, e) }
    @inlinable static func scalarExp(_ x: Double) -> Double { PortableMath.exp(x) }

    @usableFromInline static let library = MathLibrary(
        name: "PortableMath (correctly rounded exp, log, tanh, pow; sqrt)",
        exp: { exp($0) }, log: { log($0) }, tanh: { tanh($0) }, sqrt: { sqrt($0) },
        pow: { pow($0, $1) }, scalarExp: { scalarExp($0) })
}

extension MathLibrary {
    /// ``PortableMath``: correctly rounded, so the same bits on every platform.
    public static var portable: MathLibrary { PortableMathLibrary.library }
}
