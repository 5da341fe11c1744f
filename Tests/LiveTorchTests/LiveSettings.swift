import Foundation
import MicrogradTorch
import Synchronization
import TestSupport
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
    static let failureGraphs = PackageRoot.file(".build/live-failures")

    /// Whether live checks that can't run fail the run (`MICROGRAD_REQUIRE_TORCH=1`).
    static let required = ProcessInfo.processInfo.environment["MICROGRAD_REQUIRE_TORCH"] == "1"

    /// Live torch, or the reason it can't run here (see ``Testing/Trait/liveTorch``).
    static func reference() throws(LiveUnavailable) -> LiveReference {
        do {
            return try LiveReference.shared()
        } catch {
            throw LiveUnavailable(what: "live torch checks", reason: error.reason)
        }
    }

    /// Torch's own kernels, loaded and checked, or the reason they can't be used here (see
    /// ``Testing/Trait/torchKernels``).
    static func torchKernels() throws(LiveUnavailable) -> TorchKernelLibrary {
        do {
            return try TorchKernelLibrary.shared()
        } catch {
            throw LiveUnavailable(what: "the torch-kernel pass", reason: error.reason)
        }
    }

    /// Whether torch's kernels are expected where live torch is: on x86-64 Linux, where torch's
    /// wheels have MKL. Elsewhere, such as macOS, torch computes these functions without MKL
    /// and the torch-kernel checks skip even when live checks are required.
    static let kernelsExpected: Bool = {
        #if os(Linux) && arch(x86_64)
        true
        #else
        false
        #endif
    }()

    /// Torch's kernels for a test that also runs without them (the live suite's second pass):
    /// nil after printing why, or after recording a failure when they are required here.
    static func torchKernelsIfAvailable(sourceLocation: SourceLocation = #_sourceLocation) -> TorchKernelLibrary? {
        do {
            return try torchKernels()
        } catch {
            if required && kernelsExpected {
                printLive("FAILED: \(error)")
                Issue.record(Comment(rawValue: "\(error)"), sourceLocation: sourceLocation)
            } else {
                printLive("skipped (\(error.what)): \(error.reason)")
            }
            return nil
        }
    }

    /// The skip lines printed so far: each is printed once, not once per skipped test.
    private static let printedSkips = Mutex<Set<String>>([])

    /// Whether a test needing `what` runs: when it is available, and when it is required
    /// (the test then fails with the reason). Otherwise prints `LIVE skipped (<what>): <reason>`,
    /// and the test is reported as skipped.
    static func runs(needing probe: () throws(LiveUnavailable) -> Void, requiredHere: Bool) -> Bool {
        do {
            try probe()
            return true
        } catch {
            if requiredHere { return true }
            let line = "skipped (\(error.what)): \(error.reason)"
            if printedSkips.withLock({ $0.insert(line).inserted }) { printLive(line) }
            return false
        }
    }
}

/// Why a live check can't run here.
struct LiveUnavailable: Error, CustomStringConvertible {
    /// What can't run (`live torch checks`, `the torch-kernel pass`).
    let what: String
    /// The exact reason, such as `interpreter … not found: the reference venv has not been set up; …`.
    let reason: String

    var description: String {
        LiveSettings.required ? "MICROGRAD_REQUIRE_TORCH=1 but \(what) can't run: \(reason)" : "\(what) can't run: \(reason)"
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test where live torch can be embedded (`MICROGRAD_PYTHON`, or the reference venv
    /// of `Scripts/ensure_venv.sh`). Elsewhere it is reported as skipped, with the exact reason
    /// printed as `LIVE skipped (live torch checks): …`; with `MICROGRAD_REQUIRE_TORCH=1` it runs
    /// and fails with that reason.
    static var liveTorch: Self {
        .enabled(
            "needs live torch: MICROGRAD_PYTHON or the venv of `bash Scripts/ensure_venv.sh` (the reason is printed as LIVE skipped …)"
        ) {
            LiveSettings.runs(
                needing: { () throws(LiveUnavailable) in _ = try LiveSettings.reference() },
                requiredHere: LiveSettings.required)
        }
    }

    /// Runs the test where torch's own kernels load (live torch with MKL: x86-64 Linux). Elsewhere
    /// it is reported as skipped, the reason printed as `LIVE skipped (the torch-kernel pass): …`;
    /// with `MICROGRAD_REQUIRE_TORCH=1` on x86-64 Linux it runs and fails with that reason.
    static var torchKernels: Self {
        .enabled("needs torch's MKL kernels from live torch (x86-64 Linux; the reason is printed as LIVE skipped …)") {
            LiveSettings.runs(
                needing: { () throws(LiveUnavailable) in
                    _ = try LiveSettings.reference()
                    _ = try LiveSettings.torchKernels()
                }, requiredHere: LiveSettings.required && LiveSettings.kernelsExpected)
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
