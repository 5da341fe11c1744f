#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Micrograd

/// The platform's C math library, and the correctly rounded square root: what libtorch's
/// scalar loops call for `pow` (`std::pow`) and `sigmoid`'s exponential (`std::exp`), so
/// ``TorchKernelLibrary`` takes those two entries from here.
///
/// It lives beside the bridge, not in the engine: the engine's own math is `PortableMath`,
/// the same on every platform, while these functions differ between C libraries in their last
/// bits.
enum CLibraryMath {
    static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }

    static func tanh(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tanh(x)
        #else
        Darwin.tanh(x)
        #endif
    }

    static func pow(_ x: Double, _ e: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, e)
        #else
        Darwin.pow(x, e)
        #endif
    }

    static let library = MathLibrary(
        name: "C library (exp, log, tanh, pow) and correctly rounded sqrt",
        exp: { exp($0) }, log: { log($0) }, tanh: { tanh($0) }, sqrt: { $0.squareRoot() },
        pow: { pow($0, $1) }, scalarExp: { exp($0) })
}

extension MathLibrary {
    /// The platform's C math library (`exp`, `log`, `tanh`, `pow`) and the correctly rounded
    /// square root, as a library the engine can be given: what the engine computed with before
    /// ``MathLibrary/portable`` became its default. Its results depend on the platform; the
    /// benchmark compares PortableMath's speed with it.
    public static var cLibrary: MathLibrary { CLibraryMath.library }
}
