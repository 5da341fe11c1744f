import Foundation
import MicrogradParity

/// PyTorch run live, in the embedded interpreter, by `Reference/live.py`.
///
/// Each call makes torch compute a program family or a set of training runs and write them
/// into a ``LiveWorkspace`` as reference files in the goldens' own format, written by
/// `generate.py`'s code; the workspace's ``LiveWorkspace/files`` then load them with the
/// harness's decoders and checks, exactly as the checked-in goldens are loaded:
/// ``MicrogradParity/ReferenceFiles/programFamily(_:)`` and
/// ``MicrogradParity/ReferenceFiles/modelFamily()``.
///
/// Everything written depends only on the arguments (the seed, for random programs and runs).
public struct LiveReference: Sendable {
    /// What a call wrote.
    public struct Written: Sendable, Decodable {
        /// The family whose case and golden files were written (`models` for training runs).
        public let family: String
        /// How many cases (programs, or training runs).
        public let cases: Int
        /// How many steps: program steps, or training steps.
        public let steps: Int
        /// How long the call took in Python (generating, evaluating with torch, writing).
        public let seconds: Double
    }

    /// The bridge the calls go through.
    public let bridge: PythonBridge
    /// The folder `live.py` and the code it reuses are imported from: the package's `Reference/`.
    public let referenceFolder: String

    /// Calls `live.py` of `referenceFolder` through `bridge`.
    public init(bridge: PythonBridge, referenceFolder: String) {
        self.bridge = bridge
        self.referenceFolder = referenceFolder
    }

    /// The process's bridge (see ``PythonBridge/shared()``) with the package's `Reference/` folder.
    /// - Throws: ``PythonUnavailable`` with the exact reason when live checks can't run here.
    public static func shared() throws(PythonUnavailable) -> LiveReference {
        let bridge = try PythonBridge.shared()
        guard let folder = PythonInstallation.referenceFolder else {
            throw PythonUnavailable(reason: "cannot find the package's Reference/ folder (where live.py is) from \(#filePath)")
        }
        return LiveReference(bridge: bridge, referenceFolder: folder)
    }

    /// Generates programs `first` to `first + count - 1` of `seed` (the `corpus` family's
    /// generator; program `i` is named `seed-<seed>/<i:05d>` and does not depend on the batches
    /// it is asked for in), evaluates them with torch and writes them as program family `family`.
    public func randomPrograms(seed: UInt64, first: Int, count: Int, family: String, into workspace: LiveWorkspace) throws(PythonError)
        -> Written
    {
        try call("random_programs", Request(root: workspace.root, family: family, seed: seed, first: first, count: count))
    }

    /// Evaluates every program of the case file at `caseFile` (such as a checked-in
    /// `Reference/cases/ops.json`) with torch and writes it, under its own family name, with its
    /// goldens.
    public func evaluatePrograms(caseFile: String, into workspace: LiveWorkspace) throws(PythonError) -> Written {
        try call("evaluate_programs", Request(root: workspace.root, cases: caseFile))
    }

    /// Draws `count` small training runs from `seed` (1–3 layers of 1–8 neurons, a few steps on a
    /// few points; half of them free of documented deviations), trains them with the PyTorch twin
    /// and writes them as the `models` specs and goldens.
    public func randomModels(seed: UInt64, count: Int, into workspace: LiveWorkspace) throws(PythonError) -> Written {
        try call("random_models", Request(root: workspace.root, seed: seed, count: count))
    }

    /// Trains every run of the model spec file at `caseFile` (such as the checked-in
    /// `Reference/cases/models.json`) with the PyTorch twin and writes the `models` specs and goldens.
    public func evaluateModels(caseFile: String, into workspace: LiveWorkspace) throws(PythonError) -> Written {
        try call("evaluate_models", Request(root: workspace.root, cases: caseFile))
    }

    /// A request to `live.py`; absent fields are left out of the JSON.
    private struct Request: Encodable {
        var root: String
        var family: String?
        var cases: String?
        var seed: UInt64?
        var first: Int?
        var count: Int?
    }

    private func call(_ function: String, _ request: Request) throws(PythonError) -> Written {
        let argument: String
        let answer: String
        do {
            argument = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        } catch {
            throw PythonError(traceback: "MicrogradTorch: could not encode the request to live.\(function): \(error)")
        }
        answer = try bridge.call(module: "live", function: function, argument: argument, searchPath: referenceFolder)
        do {
            return try JSONDecoder().decode(Written.self, from: Data(answer.utf8))
        } catch {
            throw PythonError(traceback: "MicrogradTorch: live.\(function) answered \(answer), not a summary of what it wrote: \(error)")
        }
    }
}
