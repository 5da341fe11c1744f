import ArgumentParser
import Foundation
import Micrograd
import MicrogradParity
import MicrogradTorch

/// `micrograd parity`: every checked-in case and training run against PyTorch.
struct Parity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the engine with PyTorch: every checked-in case and training run, every value and gradient.",
        discussion: """
            Offline (the default), against the goldens in Reference/goldens/: every value and gradient \
            at 0 ulp except the documented deviations (TorchDeviation), and every training run at 0 ulp \
            (a run through a documented deviation against the twin's engine-math record, its drift from \
            torch reported). With --live, torch evaluates the checked-in cases now, in this process, \
            through the embedded interpreter (MICROGRAD_PYTHON, or the venv `bash Scripts/ensure_venv.sh` \
            makes); the training runs are still compared with their goldens.
            Exit status: 0 when everything matches, 1 on any mismatch or unreadable golden, 2 when --live \
            cannot start torch (the reason is printed).
            """)

    @Flag(help: "Print a machine-readable summary and the failures as one JSON object instead of the tables.")
    var json = false

    @Flag(help: "Evaluate the checked-in cases with live torch instead of reading their goldens.")
    var live = false

    @Option(help: "How many failing cases to describe in detail.")
    var failures = 5

    @OptionGroup var package: PackageOptions

    func run() async throws {
        let root = try package.packageRoot()
        let files = ReferenceFiles(packageRoot: root)
        let graphs = NSTemporaryDirectory() + "micrograd-parity"
        let tally: ParityTally
        var source = "goldens in \(root)/Reference/goldens"
        do {
            if live {
                let reference = try liveReference(root: root)
                source = "torch \(reference.bridge.torchVersion) live, from \(reference.bridge.interpreterPath)"
                var liveTally = ParityTally()
                _ = try await LiveSuite.comparePrograms(
                    LiveProgramSource.checkedInFamilies(packageRoot: root), reference: reference, workspace: LiveWorkspace(),
                    into: &liveTally)
                tally = liveTally
            } else {
                tally = try OfflineSuite.comparePrograms(in: files)
            }
        } catch let error as LiveUnavailable {
            FileHandle.standardError.write(Data("micrograd parity --live: \(error.reason)\n".utf8))
            throw ExitCode(2)
        } catch {
            throw CommandFailure("\(error)")
        }
        let models: ModelFamily
        do {
            models = try files.modelFamily()
        } catch {
            throw CommandFailure("\(error)")
        }
        let runs = models.models.map { TrainingComparison($0, actual: Training.run($0.spec)) }
        let report = ParityReport(tally: tally)
        if json {
            print(try JSONText.of(ParityJSON(tally: tally, runs: runs, source: source, failureLimit: failures, graphDirectory: graphs)))
        } else {
            if live { print("programs evaluated by \(source)") }
            print(report.summary)
            print(TrainingReport.summary(runs, source: models.provenance.summary))
            if !tally.passed { print(report.failureDetails(limit: failures, graphDirectory: graphs)) }
        }
        if !(tally.passed && runs.allSatisfy(\.passed)) { throw ExitCode.failure }
    }

    /// Live torch, or the reason it can't run here.
    private func liveReference(root: String) throws -> LiveReference {
        do {
            return LiveReference(bridge: try PythonBridge.shared(), referenceFolder: "\(root)/Reference")
        } catch {
            throw LiveUnavailable(
                reason: "\(error.reason). Set MICROGRAD_PYTHON to a Python with the pinned torch, or create the reference venv with `bash Scripts/ensure_venv.sh`.")
        }
    }
}

/// Why `--live` cannot run.
private struct LiveUnavailable: Error {
    let reason: String
}
