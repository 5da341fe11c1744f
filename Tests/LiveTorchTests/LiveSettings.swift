import Foundation
import MicrogradTorch
import Testing

/// The live suite's settings, and its output.
enum LiveSettings {
    /// The variable that sets the seed of a run, to reproduce it.
    static let seedVariable = "MICROGRAD_LIVE_SEED"
    /// Fresh random programs per run.
    static let programCount = 10_000
    /// Programs torch evaluates per call; the engine compares one batch while torch makes the next.
    static let batchSize = 250
    /// Fresh training runs per run.
    static let modelCount = 16

    /// The seed of this run: `MICROGRAD_LIVE_SEED`, or else the milliseconds since 1970.
    static func seed(sourceLocation: SourceLocation = #_sourceLocation) throws -> UInt64 {
        guard let text = ProcessInfo.processInfo.environment[seedVariable], !text.isEmpty else {
            return UInt64(Date().timeIntervalSince1970 * 1000)
        }
        return try #require(UInt64(text), "\(seedVariable)=\(text) is not an unsigned 64-bit integer", sourceLocation: sourceLocation)
    }

    /// Where failing cases are drawn as DOT files.
    static let failureGraphs = "\(PythonInstallation.packageRoot ?? FileManager.default.temporaryDirectory.path)/.build/live-failures"

    /// Live torch, or nil after printing `LIVE skipped (live torch checks): <reason>` (and recording a failure when
    /// `MICROGRAD_REQUIRE_TORCH=1`, on machines meant to run the live checks).
    static func reference(sourceLocation: SourceLocation = #_sourceLocation) -> LiveReference? {
        do {
            return try LiveReference.shared()
        } catch {
            unavailable("live torch checks", error.reason, sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Torch's own kernels, loaded and checked, or nil after printing `LIVE skipped (the torch-kernel pass): <reason>`
    /// (a failure when `MICROGRAD_REQUIRE_TORCH=1` on x86-64 Linux, where torch's wheels have MKL;
    /// elsewhere, such as macOS, torch computes these functions without MKL and the pass skips).
    static func torchKernels(sourceLocation: SourceLocation = #_sourceLocation) -> TorchKernelLibrary? {
        do {
            return try TorchKernelLibrary.shared()
        } catch {
            #if os(Linux) && arch(x86_64)
            unavailable("the torch-kernel pass", error.reason, sourceLocation: sourceLocation)
            #else
            printLive("skipped (the torch-kernel pass; torch's builds for this platform have no MKL): \(error.reason)")
            #endif
            return nil
        }
    }

    /// Whether live checks that can't run fail the run (`MICROGRAD_REQUIRE_TORCH=1`).
    static let required = ProcessInfo.processInfo.environment["MICROGRAD_REQUIRE_TORCH"] == "1"

    /// Prints why `what` can't run, as a failure when live checks are required.
    private static func unavailable(_ what: String, _ reason: String, sourceLocation: SourceLocation) {
        if required {
            let message = "MICROGRAD_REQUIRE_TORCH=1 but \(what) can't run: \(reason)"
            printLive("FAILED: \(message)")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            printLive("skipped (\(what)): \(reason)")
        }
    }
}

/// Prints report text with every line prefixed `LIVE `, the prefix the CI gate keeps from the
/// test log.
func printLive(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        print("LIVE \(line)")
    }
}
