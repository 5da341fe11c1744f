/// Why torch's own math kernels cannot be used here, in words a person can act on: no torch,
/// a torch build without MKL, a missing entry point, or kernels that disagree with live torch.
public struct TorchKernelsUnavailable: Error, CustomStringConvertible, Equatable {
    /// The exact reason, naming what was not found or what differed.
    public let reason: String

    /// Wraps a reason.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
