/// The math library the engine uses when none is chosen. To change the default, change this
/// line: the fast path of ``TorchMath`` calls its functions directly (inlined), and
/// ``MathLibrary/default`` describes it.
@usableFromInline typealias DefaultMath = CLibraryMath

/// A math library written in this package, whose functions the engine's fast path can call
/// directly: what ``DefaultMath`` may name. Each function is the ``MathLibrary`` entry of the
/// same name.
@usableFromInline
protocol MathFunctions {
    static func exp(_ x: Double) -> Double
    static func log(_ x: Double) -> Double
    static func tanh(_ x: Double) -> Double
    static func sqrt(_ x: Double) -> Double
    static func pow(_ x: Double, _ e: Double) -> Double
    static func scalarExp(_ x: Double) -> Double
    /// The same functions as a ``MathLibrary``, with its name.
    static var library: MathLibrary { get }
}

extension MathLibrary {
    /// The library the engine uses unless told otherwise; it needs nothing outside this
    /// package. Today ``cLibrary`` (see ``TorchDeviation`` for where it differs from torch).
    public static var `default`: MathLibrary { DefaultMath.library }

    /// The platform's C math library and the correctly rounded square root. Its `pow` and
    /// scalar `exp` are the functions libtorch itself calls; the parity twin's engine-math
    /// record computes `exp`, `log`, `tanh` and `sqrt` with it too.
    public static var cLibrary: MathLibrary { CLibraryMath.library }
}
