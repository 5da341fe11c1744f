#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The platform's C math library, and the correctly rounded square root: what the engine has
/// always computed with, and today's ``MathLibrary/default``.
///
/// `pow` and the scalar `exp` are what libtorch itself calls (`std::pow`, `std::exp`), so they
/// match torch bit for bit on the same machine. `exp`, `log`, `tanh` and `sqrt` differ from
/// the pinned torch's MKL kernels on a small fraction of inputs, by 1 or 2 ulp: the documented
/// deviations of ``TorchDeviation``.
@usableFromInline
enum CLibraryMath: MathFunctions {
    @inlinable static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    @inlinable static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }

    @inlinable static func tanh(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tanh(x)
        #else
        Darwin.tanh(x)
        #endif
    }

    @inlinable static func sqrt(_ x: Double) -> Double { x.squareRoot() }

    @inlinable static func pow(_ x: Double, _ e: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, e)
        #else
        Darwin.pow(x, e)
        #endif
    }

    @inlinable static func scalarExp(_ x: Double) -> Double { exp(x) }

    @usableFromInline static let library = MathLibrary(
        name: "C library (exp, log, tanh, pow) and correctly rounded sqrt",
        exp: { exp($0) }, log: { log($0) }, tanh: { tanh($0) }, sqrt: { sqrt($0) },
        pow: { pow($0, $1) }, scalarExp: { scalarExp($0) })
}
