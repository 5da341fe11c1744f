import Foundation
import Micrograd
import MicrogradParity
import MicrogradTorch
import TestSupport
import Testing

/// Differential fuzzing against PyTorch run live in this process: the checked-in program
/// families, fresh random programs and fresh training runs, each evaluated by torch now and
/// compared with the engine by the offline suite's harness, in two passes over the same torch
/// results: with the default math (0 ulp except the documented deviations), and with torch's
/// own kernels (``TorchKernelLibrary``: every value, gradient and training run at 0 ulp, no
/// deviation table, no alignment, no engine-math record). Every run draws a new seed, printed
/// as `LIVE seed=<S>`; `MICROGRAD_LIVE_SEED=<S>` runs the same programs and training runs again.
@Suite("Live PyTorch parity")
struct LiveParityTests {
    @Test(
        "The engine matches live torch (default math; torch's kernels): checked-in families, 10,000 fresh programs, training runs",
        .liveTorch, .timeLimit(.minutes(15)))
    func engineMatchesLiveTorch() async throws {
        let reference = try LiveSettings.reference(), packageRoot = PackageRoot.path
        let seed = try LiveSettings.seed()
        printLive("seed=\(seed)")
        printLive("reproduce: \(LiveSettings.seedVariable)=\(seed) swift test --filter LiveTorchTests")
        printLive("torch \(reference.bridge.torchVersion) embedded from \(reference.bridge.interpreterPath)")
        let torchKernels = LiveSettings.torchKernelsIfAvailable()
        if let torchKernels {
            printLive(
                "\(torchKernels.math) from \(torchKernels.libraryPath), checked against live torch on "
                    + "\(torchKernels.checkedInputs) inputs")
        }
        let modes = [ParityMode.documentedDeviations] + (torchKernels.map { [ParityMode.exact($0.math)] } ?? [])
        let clock = ContinuousClock(), began = clock.now
        let workspace = LiveWorkspace()

        var tallies = modes.map { ParityTally(mode: $0) }
        let sources =
            LiveProgramSource.checkedInFamilies(packageRoot: packageRoot)
            + LiveProgramSource.random(seed: seed, count: LiveSettings.programCount, batchSize: LiveSettings.batchSize)
        let work = try await reportingFailure { () async throws(LiveError) in
            try await LiveSuite.comparePrograms(sources, reference: reference, workspace: workspace, into: &tallies)
        }
        for tally in tallies {
            let report = ParityReport(tally: tally)
            printLive(report.summary)
            if !tally.passed {
                let details = report.failureDetails(limit: 5, graphDirectory: LiveSettings.failureGraphs)
                printLive(details)
                Issue.record("\(tally.failures.count) case(s) differ from live torch (seed \(seed), \(tally.mode)):\n\(details)")
            }
        }
        let programsDone = clock.now

        // The checked-in runs (lecture, moons, yinyang), then fresh ones; each set written as the
        // workspace's `models` family, so one is loaded before the next is written.
        var models: [ModelCase] = [], source = "", modelSteps = 0, modelTorchSeconds = 0.0
        let modelSpecs = "\(packageRoot)/\(ReferenceFiles.casesPath("models"))"
        for checkedIn in [true, false] {
            let written = try await reportingFailure { () throws(PythonError) in
                checkedIn
                    ? try reference.evaluateModels(caseFile: modelSpecs, into: workspace)
                    : try reference.randomModels(seed: seed, count: LiveSettings.modelCount, into: workspace)
            }
            let family = try await reportingFailure { () throws(GoldenError) in try workspace.files.modelFamily() }
            models += family.models
            source = family.provenance.summary
            modelSteps += written.steps
            modelTorchSeconds += written.seconds
        }
        for model in models {
            #expect(
                (model.engineMath != nil) == !TrainingDeviations.of(model.spec).isEmpty,
                "\(model.spec.name): engine-math record iff the run goes through a documented deviation")
        }
        var runsPerMode: [[TrainingComparison]] = []
        var trainingSeconds: [Double] = []
        for mode in modes {
            let started = clock.now
            let runs = models.map { TrainingComparison.training($0, in: mode) }
            trainingSeconds.append(LiveSeconds.of(clock.now - started))
            runsPerMode.append(runs)
            printLive(TrainingReport.summary(runs, source: source, mode: mode))
            let failedRuns = runs.filter { !$0.passed }
            if !failedRuns.isEmpty {
                let texts = failedRuns.map(\.failureText).joined(separator: "\n")
                Issue.record("training runs differing from live torch (seed \(seed), \(mode)):\n\(texts)")
            }
        }

        let random = tallies[0].families.first { $0.name == "random" }
        let runs = runsPerMode[0]
        printLive(
            """
            totals (seed \(seed)): \(tallies[0].cases) programs (\(random?.cases ?? 0) fresh random), \(tallies[0].values) values and \
            \(tallies[0].grads) gradients; \(runs.count) training runs (\(runs.count - LiveSettings.modelCount) checked-in, \
            \(LiveSettings.modelCount) fresh) of \(modelSteps) steps in all \
            (default math: \(runs.filter { $0.reference == .torch }.count) held to torch, the others to engine math)
            time: \(seconds(clock.now - began)) s in all (programs \(seconds(programsDone - began)) s, training runs \
            \(seconds(clock.now - programsDone)) s); programs: torch worked \(format(work.torchSeconds)) s, the engine's side \
            loaded for \(format(work.loadingSeconds)) s and compared for \(work.engineSeconds.map(format).joined(separator: " + ")) s \
            (\(modes.count == 2 ? "default math + torch kernels" : "default math")) on \(ProcessInfo.processInfo.activeProcessorCount) \
            processors; training runs: torch worked \(format(modelTorchSeconds)) s, the engine \
            \(trainingSeconds.map(format).joined(separator: " + ")) s
            """)
        if let torchKernels, tallies.count == 2 {
            printLive(TorchKernelPass.summary(tallies[1], runs: runsPerMode[1], math: torchKernels.math))
        }
    }

    /// `body`'s result; an error it throws is printed with the `LIVE` prefix, then rethrown.
    private func reportingFailure<T, E: Error>(_ body: () async throws(E) -> T) async throws(E) -> T {
        do {
            return try await body()
        } catch {
            printLive("FAILED: \(error)")
            throw error
        }
    }

    /// The suite must be able to fail: a live torch value nudged by 1 ulp in the goldens file
    /// torch wrote is reported at exactly that node.
    @Test("A live torch result 1 ulp away from the engine's is reported at its node", .liveTorch)
    func differingResultIsReported() throws {
        let reference = try LiveSettings.reference()
        let workspace = LiveWorkspace()
        let written = try reference.randomPrograms(seed: 1, first: 0, count: 3, family: "nudged", into: workspace)
        #expect(written.cases == 3)
        let honest = try workspace.files.programFamily("nudged")
        let target = honest.cases[1]
        // A node held to 0 ulp (its operation has no documented deviation) with a finite value.
        let node = try #require(
            target.program.steps.indices.first { i in
                [.add, .sub, .mul].contains(target.program.steps[i].op) && target.expected.values[i].isFinite
            })
        try nudgeGolden(of: target.program.name, node: node, in: workspace)

        var tally = ParityTally()
        tally.beginFamily("nudged", source: nil)
        for comparison in OfflineSuite.comparisons(of: try workspace.files.programFamily("nudged"), mode: .documentedDeviations) {
            tally.add(comparison)
        }
        #expect(tally.cases == 3)
        #expect(tally.failures.map(\.comparison.program.name) == [target.program.name])
        #expect(tally.failures.first?.comparison.valueMismatches.map(\.node) == [node])
        let details = ParityReport(tally: tally).failureDetails()
        #expect(details.contains("✗ nudged: case \"\(target.program.name)\""))
        #expect(details.contains("first divergent value (creation order): node #\(node) = "))
        #expect(details.contains("1 ulp (budget 0 ulp)"))
    }

    /// Rewrites the goldens file of family `nudged` with the value of `node` of case `name` one
    /// ulp up.
    private func nudgeGolden(of name: String, node: Int, in workspace: LiveWorkspace) throws {
        let url = URL(fileURLWithPath: "\(workspace.root)/\(ReferenceFiles.goldensPath("nudged"))")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var cases = try #require(document["cases"] as? [String: Any])
        var golden = try #require(cases[name] as? [String: Any])
        var values = try #require(golden["values"] as? [[String]])
        let value = try #require(HexFloat.parse(values[node][0])).nextUp
        values[node] = [HexFloat.format(value), "\(value)"]
        golden["values"] = values
        cases[name] = golden
        document["cases"] = cases
        try JSONSerialization.data(withJSONObject: document).write(to: url)
    }
}

/// A duration in seconds, to one decimal.
private func seconds(_ duration: Duration) -> String { format(LiveSeconds.of(duration)) }

/// Durations as seconds.
enum LiveSeconds {
    static func of(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) * 1e-18
    }
}

/// Seconds to one decimal.
private func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
