/// A math library the engine can compute its elementary functions with: a name for reports
/// and one entry per function the engine needs.
///
/// The engine calls these through ``TorchMath``, with the library chosen for the process
/// (``setProcessWide(_:)``) or for a block of code on one thread (``using(_:_:)``); without a
/// choice it uses ``default``, which needs nothing outside this package. Each entry is what
/// one of torch's float64 CPU kernels computes for a single element, so a library that
/// reproduces those kernels makes the engine's results torch's, bit for bit.
///
/// A library is immutable and `Sendable`: every thread may call its entries at once.
public final class MathLibrary: Sendable, CustomStringConvertible {
    /// A function of one `Double`.
    public typealias Function = @Sendable (Double) -> Double

    /// What reports call the library, such as `C library` or
    /// `torch kernels (libtorch 2.15.0+cu132, MKL 2024.2)`.
    public let name: String
    /// `torch.exp` (torch: MKL `vmdExp` on x86-64 Linux).
    public let exp: Function
    /// `torch.log`, the natural logarithm (torch: MKL `vmdLn`).
    public let log: Function
    /// `torch.tanh` (torch: MKL `vmdTanh`).
    public let tanh: Function
    /// `torch.sqrt`, also `x.pow(0.5)` and the square root in `x.pow(1.5)`'s gradient and
    /// AdamW's update (torch: MKL `vmdSqrt`).
    public let sqrt: Function
    /// `torch.pow(x, e)` for an exponent without a special case (torch: the C library's
    /// `std::pow`, in its scalar loop).
    public let pow: @Sendable (Double, Double) -> Double
    /// The exponential torch's scalar loops call, `std::exp`: `torch.sigmoid` of one element
    /// is `1 / (1 + std::exp(-x))` (the C library, not `torch.exp`'s kernel).
    public let scalarExp: Function

    /// A library named `name` with these entries.
    public init(
        name: String, exp: @escaping Function, log: @escaping Function, tanh: @escaping Function,
        sqrt: @escaping Function, pow: @escaping @Sendable (Double, Double) -> Double, scalarExp: @escaping Function
    ) {
        self.name = name
        self.exp = exp
        self.log = log
        self.tanh = tanh
        self.sqrt = sqrt
        self.pow = pow
        self.scalarExp = scalarExp
    }

    /// `math: <name>`, the line reports print.
    public var description: String { "math: \(name)" }
}
