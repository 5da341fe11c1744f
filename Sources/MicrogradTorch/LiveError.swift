import MicrogradParity

/// Why a live run stopped: torch raised, or what it wrote could not be loaded.
public enum LiveError: Error, CustomStringConvertible {
    /// `Reference/live.py` raised (the traceback says where).
    case torch(PythonError)
    /// A reference file torch wrote is missing, malformed or stale.
    case referenceFiles(GoldenError)

    public var description: String {
        switch self {
        case .torch(let error): "live torch failed:\n\(error.traceback)"
        case .referenceFiles(let error): "a reference file live torch wrote cannot be used: \(error)"
        }
    }
}
