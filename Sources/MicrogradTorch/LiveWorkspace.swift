import Foundation
import MicrogradParity

/// A temporary folder laid out like the package (`Reference/cases/`, `Reference/goldens/`) into
/// which `Reference/live.py` writes what torch computes during a live run, for the harness's
/// ``MicrogradParity/ReferenceFiles`` to load.
///
/// The folder is created by the first write (Python creates it) and removed, with everything
/// in it, when the workspace is deinitialised.
public final class LiveWorkspace: Sendable {
    /// The folder, used as the package root of ``files``.
    public let root: String

    /// A workspace in a new, uniquely named folder of the temporary directory.
    public init() {
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("micrograd-live-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The reference files written here so far.
    public var files: ReferenceFiles { ReferenceFiles(packageRoot: root, provenanceCheck: .liveTorch) }

    /// Deletes the case file and the golden file of `family`, once loaded (so a run of many
    /// batches keeps one batch's files at a time).
    public func remove(_ family: String) {
        for path in [ReferenceFiles.casesPath(family), ReferenceFiles.goldensPath(family)] {
            try? FileManager.default.removeItem(atPath: "\(root)/\(path)")
        }
    }
}
