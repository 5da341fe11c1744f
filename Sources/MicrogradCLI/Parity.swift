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
            torch reported). With --math torch the engine computes with torch's own kernels and every \
            value, gradient and training run is held to 0 ulp, when the goldens come from a machine like \
            this one (same torch, same CPU capability; otherwise it says why and compares under the table). \
            With --live, torch evaluates the checked-in cases now, in this process, through the embedded \
            interpreter (MICROGRAD_PYTHON, or the venv `bash Scripts/ensure_venv.sh` makes); the training \
            runs are still compared with their goldens. Every golden file or case that cannot be read is \
            reported, and the rest still compared.
            Exit status: 0 when everything matches, 1 on any mismatch or unreadable golden, 2 when --live \
            or --math torch cannot start torch (the reason is printed).
            """)

    @Flag(help: "Print a machine-readable summary and the failures as one JSON object instead of the tables.")
    var json = false

    @Flag(help: "Evaluate the checked-in cases with live torch instead of reading their goldens.")
    var live = false

    @Flag(help: "Print the table of documented deviations (TorchDeviation) as the README's Markdown, and compare nothing.")
    var table = false

    @Option(help: "How many failing cases to describe in detail.")
    var failures = 5

    @OptionGroup var mathOption: MathOption

    @OptionGroup var package: PackageOptions

    func run() async throws {
        if table {
            print(TorchDeviation.markdownTable, terminator: "")
            return
        }
        let root = try package.packageRoot()
        let files = ReferenceFiles(packageRoot: root)
        do {
            try files.checkRoot()
        } catch {
            throw CommandFailure("\(error)")
        }
        let graphs = NSTemporaryDirectory() + "micrograd-parity"
        let tally: ParityTally
        var source = "goldens in \(root)/Reference/goldens"
        let mode: ParityMode
        do {
            mode = Parity.mode(try mathOption.torchKernels(), files: files)
            if live {
                let reference = try liveReference(root: root)
                source = "torch \(reference.bridge.torchVersion) live, from \(reference.bridge.interpreterPath)"
                var tallies = [ParityTally(mode: mode)]
                _ = try await LiveSuite.comparePrograms(
                    LiveProgramSource.checkedInFamilies(packageRoot: root), reference: reference, workspace: LiveWorkspace(),
                    into: &tallies)
                tally = tallies[0]
            } else {
                tally = OfflineSuite.comparePrograms(in: files, mode: mode)
            }
        } catch let error as CommandUnavailable {
            FileHandle.standardError.write(Data("micrograd parity: \(error)\n".utf8))
            throw ExitCode(2)
        } catch {
            throw CommandFailure("\(error)")
        }
        var problems = tally.problems, runs: [TrainingComparison] = [], modelSource = ""
        do {
            let models = try files.modelFamily()
            runs = models.models.map { TrainingComparison.training($0, in: mode) }
            problems += models.problems
            modelSource = models.provenance.summary
        } catch {
            problems.append(error)
        }
        let report = ParityReport(tally: tally)
        if json {
            print(
                try JSONText.of(
                    ParityJSON(
                        tally: tally, runs: runs, problems: problems, source: source,
                        failureLimit: failures, graphDirectory: graphs)))
        } else {
            if live { print("programs evaluated by \(source)") }
            print(report.summary)
            print(TrainingReport.summary(runs, source: modelSource, mode: mode))
            let modelProblems = problems.dropFirst(tally.problems.count)
            if !modelProblems.isEmpty { print(GoldenError.report(Array(modelProblems))) }
            if !tally.failures.isEmpty { print(report.failureDetails(limit: failures, graphDirectory: graphs)) }
        }
        if !(tally.passed && problems.isEmpty && runs.allSatisfy(\.passed)) { throw ExitCode.failure }
    }

    /// With torch's kernels, 0 ulp when every golden file comes from a machine like this one;
    /// otherwise (or with the default math) the table, saying why. (A file that cannot be
    /// loaded is reported by the comparison.)
    static func mode(_ torchKernels: TorchKernelLibrary?, files: ReferenceFiles) -> ParityMode {
        guard let torchKernels else { return .documentedDeviations }
        var provenances = files.programFamilies.compactMap { try? files.programFamily($0).provenance }
        if let models = try? files.modelFamily() { provenances.append(models.provenance) }
        if let obstacle = provenances.lazy.compactMap(torchKernels.zeroUlpObstacle).first {
            print(
                "\(torchKernels.math): cannot promise 0 ulp against these goldens: \(obstacle), and MKL, like torch, "
                    + "picks its kernels by CPU; comparing under the documented deviations instead")
            return ParityMode(math: torchKernels.math, exact: false)
        }
        return .exact(torchKernels.math)
    }

    /// Live torch, or the reason it can't run here.
    private func liveReference(root: String) throws -> LiveReference {
        do {
            return LiveReference(bridge: try PythonBridge.shared(), referenceFolder: "\(root)/Reference")
        } catch {
            throw CommandUnavailable(
                "--live: \(error.reason). Set MICROGRAD_PYTHON to a Python with the pinned torch, or create the reference venv with `bash Scripts/ensure_venv.sh`."
            )
        }
    }
}
