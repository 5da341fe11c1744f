import Foundation
import Micrograd
import MicrogradParity
import MicrogradTorch

/// `micrograd`: the engine's command line.
///
///     micrograd parity [--root DIR]      the offline parity suite: every checked-in case and
///                                        training run against PyTorch's goldens (a run through
///                                        a documented deviation against the twin's engine-math
///                                        record, its drift from torch reported)
///     micrograd train NAME [--root DIR]  a training run of Reference/cases/models.json
///                                        (lecture, moons, yinyang), loss per step
///     --math torch                       (parity, train) compute with torch's own kernels, from
///                                        the torch MICROGRAD_PYTHON names (see TorchKernelLibrary);
///                                        parity then holds goldens of a matching machine to 0 ulp
///     micrograd graph                    the lecture's neuron as DOT (pipe into `dot -Tsvg`)
enum Command {
    static let usage = """
        usage: micrograd parity [--root DIR] [--math torch]
               micrograd train lecture|moons|yinyang [--root DIR] [--math torch]
               micrograd graph
        DIR is the package root holding Reference/ (default: the current directory).
        --math torch computes with torch's own kernels (needs the torch of MICROGRAD_PYTHON).
        """

    static func main() -> Int32 {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var root = FileManager.default.currentDirectoryPath
        if let flag = arguments.firstIndex(of: "--root"), flag + 1 < arguments.count {
            root = arguments[flag + 1]
            arguments.removeSubrange(flag...flag + 1)
        }
        var torchKernels: TorchKernelLibrary?
        if let flag = arguments.firstIndex(of: "--math"), flag + 1 < arguments.count, arguments[flag + 1] == "torch" {
            arguments.removeSubrange(flag...flag + 1)
            do {
                torchKernels = try TorchKernelLibrary.shared()
            } catch {
                print(error)
                return 1
            }
        }
        switch (arguments.first, arguments.count) {
        case ("parity", 1): return parity(root: root, torchKernels: torchKernels)
        case ("train", 2): return train(arguments[1], root: root, math: torchKernels?.math ?? .default)
        case ("graph", 1): return graph()
        default:
            print(usage)
            return 2
        }
    }

    /// Every program family and every training run, compared; every reference file or case
    /// that cannot be compared is reported (and fails the run), the rest still compared.
    static func parity(root: String, torchKernels: TorchKernelLibrary?) -> Int32 {
        let files = ReferenceFiles(packageRoot: root)
        let mode: ParityMode
        do {
            try files.checkRoot()
            mode = self.mode(torchKernels, files: files)
        } catch {
            print(error)
            return 1
        }
        let tally = OfflineSuite.comparePrograms(in: files, mode: mode)
        let report = ParityReport(tally: tally)
        print(report.summary)
        var passed = tally.passed
        do {
            let models = try files.modelFamily()
            let runs = models.models.map { TrainingComparison.training($0, in: mode) }
            print(TrainingReport.summary(runs, source: models.provenance.summary, mode: mode))
            if !models.problems.isEmpty { print(GoldenError.report(models.problems)) }
            passed = passed && models.problems.isEmpty && runs.allSatisfy(\.passed)
        } catch {
            print(error)
            passed = false
        }
        if !tally.failures.isEmpty {
            print(report.failureDetails(limit: 5, graphDirectory: NSTemporaryDirectory() + "micrograd-parity"))
        }
        return passed ? 0 : 1
    }

    /// With torch's kernels, 0 ulp when every golden file comes from a machine like this one;
    /// otherwise (or with the default math) the table, saying why.
    /// (A file that cannot be loaded is reported by the comparison.)
    static func mode(_ torchKernels: TorchKernelLibrary?, files: ReferenceFiles) -> ParityMode {
        guard let torchKernels else { return .documentedDeviations }
        var provenances = files.programFamilies.compactMap { try? files.programFamily($0).provenance }
        if let models = try? files.modelFamily() { provenances.append(models.provenance) }
        if let obstacle = provenances.lazy.compactMap(torchKernels.zeroUlpObstacle).first {
            print("\(torchKernels.math): cannot promise 0 ulp against these goldens: \(obstacle), and MKL, like torch, "
                + "picks its kernels by CPU; comparing under the documented deviations instead")
            return ParityMode(math: torchKernels.math, exact: false)
        }
        return .exact(torchKernels.math)
    }

    static func train(_ name: String, root: String, math: MathLibrary) -> Int32 {
        do {
            let models = try ReferenceFiles(packageRoot: root).modelFamily()
            guard let spec = models.models.first(where: { $0.spec.name == name })?.spec else {
                print("no training run named \(name) in Reference/cases/models.json (have: \(models.models.map(\.spec.name).joined(separator: ", ")))")
                return 2
            }
            let record = MathLibrary.using(math) { Training.run(spec) }
            print(math)
            for (step, loss) in record.losses.enumerated() {
                print("step \(step) loss \(loss)")
            }
            return 0
        } catch {
            print(error)
            return 1
        }
    }

    /// The lecture's neuron: `o = tanh(x1*w1 + x2*w2 + b)`, after `o.backward()`.
    static func graph() -> Int32 {
        let x1 = Value(2.0, label: "x1"), x2 = Value(0.0, label: "x2")
        let w1 = Value(-3.0, label: "w1"), w2 = Value(1.0, label: "w2")
        let b = Value(6.8813735870195432, label: "b")
        let n = x1 * w1 + x2 * w2 + b
        n.label = "n"
        let o = n.tanh()
        o.label = "o"
        o.backward()
        print(o.dot())
        return 0
    }
}

exit(Command.main())
