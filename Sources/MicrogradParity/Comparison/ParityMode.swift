import Micrograd

/// What a parity comparison runs the engine with, and what it holds the engine to.
///
/// - ``documentedDeviations``: the default math library; 0 ulp except the documented deviations
///   of ``Micrograd/TorchDeviation``, each aligned to torch where it arises (``ProgramRun``),
///   and a training run through one held to the twin's engine-math record.
/// - ``exact(_:)``: a library that reproduces torch's kernels (`MicrogradTorch`'s
///   `TorchKernels`); every value, every gradient and every training run at 0 ulp against
///   torch: no table, no alignment, no engine-math record.
/// - A non-default library compared under the table (`ParityMode(math:, exact: false)`):
///   goldens from a machine whose torch or CPU differs, where torch's kernels cannot promise
///   0 ulp; training runs through a deviation are then compared with torch and reported.
public struct ParityMode: Sendable, CustomStringConvertible {
    /// The library the engine computes with while a comparison runs it.
    public let math: MathLibrary
    /// Whether every budget is 0 ulp.
    public let isExact: Bool

    /// The engine with `math`, held to 0 ulp everywhere (`exact`) or under the table.
    public init(math: MathLibrary, exact: Bool) {
        self.math = math
        isExact = exact
    }

    /// The default math library, under the table of documented deviations.
    public static var documentedDeviations: ParityMode { ParityMode(math: .default, exact: false) }

    /// `math`, held to 0 ulp everywhere.
    public static func exact(_ math: MathLibrary) -> ParityMode { ParityMode(math: math, exact: true) }

    /// Whether training runs through a documented deviation are held to the twin's engine-math
    /// record: the record of the correctly rounded functions (``Micrograd/MathLibrary/portable``,
    /// mpmath in the twin).
    public var holdsToEngineMath: Bool { !isExact && math === MathLibrary.portable }

    /// Runs `body` with the engine computing with ``math`` on this thread.
    public func run<R>(_ body: () throws -> R) rethrows -> R { try MathLibrary.using(math, body) }

    /// `math: <library>; budget 0 ulp everywhere`, or `…; budget 0 ulp except the documented deviations`.
    public var description: String {
        "\(math); budget 0 ulp " + (isExact ? "everywhere (no deviation table, no alignment)" : "except the documented deviations")
    }
}
