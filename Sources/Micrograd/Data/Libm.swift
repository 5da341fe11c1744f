#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library's functions, as Python's `math` module and `float ** float` call them.
///
/// Data generation (moons, yin-yang) relies on the platform libm, exactly like the Python twin:
/// on one machine both call the same `pow`, `log`, `sin` and `cos`, so the data sets are
/// bit-identical. (The engine itself never uses libm: it uses torch-identical kernels.)
enum Libm {
    /// Python's `x ** y` for floats: libm's `pow`. Kept out of line so the optimizer cannot
    /// rewrite `pow(x, 2)` as `x * x` or `pow(x, 0.5)` as `sqrt(x)`: glibc's `pow` differs from
    /// both in about one case in a thousand.
    @inline(never) static func pow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, y)
        #else
        Darwin.pow(x, y)
        #endif
    }

    /// Python's `math.log(x)`.
    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }

    /// Python's `math.sin(x)`.
    static func sin(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.sin(x)
        #else
        Darwin.sin(x)
        #endif
    }

    /// Python's `math.cos(x)`.
    static func cos(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.cos(x)
        #else
        Darwin.cos(x)
        #endif
    }
}
