import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// Prints report text with every line prefixed `PARITY `, the prefix the CI gate (`.ci/run`)
/// keeps from the test log.
func printParity(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        print("PARITY \(line)")
    }
}

extension PackageRoot {
    /// Where failing cases are drawn as DOT files (never under `Reference/`).
    static let failureGraphs = "\(path)/.build/parity-failures"
}

extension Op: CustomTestStringConvertible {
    /// The operation by its name in case files (`add`, `rdiv`, `tanh`), in test output.
    public var testDescription: String { name }
}
