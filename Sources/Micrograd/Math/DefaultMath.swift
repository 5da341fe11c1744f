/// The math library the engine uses when none is chosen. To change the default, change this
/// line: the fast path of ``TorchMath`` calls its functions directly (inlined), and
/// ``MathLibrary/default`` describes it.
@usableFromInline typealias DefaultMath = PortableMathLibrary

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
    /// package: ``portable``, correctly rounded, so every platform computes the same bits (see
    /// ``TorchDeviation`` for where they differ from torch's).
    public static var `default`: MathLibrary { DefaultMath.library }
}
