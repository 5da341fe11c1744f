import Foundation
import Micrograd
import MicrogradParity
import MicrogradTorch
import Testing

/// Torch's own kernels as the engine's math library: every way they can be unavailable is an
/// error naming what is missing, and the torch-kernel pass fails, at the right node, when the
/// engine computes with anything else.
@Suite("Torch's kernels")
struct TorchKernelTests {
    /// The kernels and the bridge (every test here has the ``Testing/Trait/torchKernels`` trait).
    private func kernelsAndBridge() throws -> (TorchKernelLibrary, PythonBridge) {
        (try LiveSettings.torchKernels(), try LiveSettings.reference().bridge)
    }

    /// A copy of `kernels` whose `exp` is one ulp up wherever the next double is another number.
    private func expOneUlpUp(_ kernels: MathLibrary) -> MathLibrary {
        MathLibrary(
            name: "torch kernels with exp 1 ulp up", exp: { kernels.exp($0).nextUp }, log: kernels.log,
            tanh: kernels.tanh, sqrt: kernels.sqrt, pow: kernels.pow, scalarExp: kernels.scalarExp)
    }

    @Test("The kernels name the libraries they come from", .torchKernels)
    func name() throws {
        let (kernels, bridge) = try kernelsAndBridge()
        #expect(kernels.math.name.hasPrefix("torch kernels (libtorch \(bridge.torchVersion), MKL "))
        #expect(kernels.math.description == "math: \(kernels.math.name)")
        #expect(
            kernels.libraryPath.hasSuffix("/torch/lib/libtorch_cpu.so") || kernels.libraryPath.hasSuffix("/torch/lib/libtorch_cpu.dylib"))
        #expect(kernels.checkedInputs > 2000)
    }

    @Test("A library path where there is none is an error naming it", .torchKernels)
    func missingLibrary() throws {
        let (_, bridge) = try kernelsAndBridge()
        let error = #expect(throws: TorchKernelsUnavailable.self) {
            try TorchKernelLibrary.load(from: bridge, libraryPath: "/nonexistent/torch/lib/libtorch_cpu.so")
        }
        #expect(error?.reason.contains("no libtorch_cpu") == true)
        #expect(error?.reason.contains("/nonexistent/torch/lib/libtorch_cpu.so") == true)
    }

    @Test("A library without MKL's entry points is an error naming the symbol and why", .torchKernels)
    func libraryWithoutMKL() throws {
        let (kernels, bridge) = try kernelsAndBridge()
        let lib = URL(fileURLWithPath: kernels.libraryPath).deletingLastPathComponent().path
        let other = try #require(
            try FileManager.default.contentsOfDirectory(atPath: lib).sorted().first { $0.hasPrefix("libc10.") },
            "torch's libc10 next to libtorch_cpu")
        let error = #expect(throws: TorchKernelsUnavailable.self) {
            try TorchKernelLibrary.load(from: bridge, libraryPath: "\(lib)/\(other)")
        }
        #expect(error?.reason.contains("\(lib)/\(other) has no symbol vmdExp") == true)
        #expect(
            error?.reason.contains("this torch build does not compute float64 exp, log, tanh and sqrt with Intel MKL") == true,
            "\(error?.reason ?? "no error")")
    }

    @Test("The check against live torch names the entry, the input and both results of a library that differs", .torchKernels)
    func checkFindsAWrongLibrary() throws {
        let (kernels, bridge) = try kernelsAndBridge()
        let compared = try TorchKernelLibrary.check(kernels.math, against: bridge)
        #expect(compared == kernels.checkedInputs)
        let error = #expect(throws: TorchKernelsUnavailable.self) {
            try TorchKernelLibrary.check(expOneUlpUp(kernels.math), against: bridge)
        }
        #expect(error?.reason.contains("torch kernels with exp 1 ulp up disagrees with live torch on exp (torch.exp): x = ") == true)
        #expect(error?.reason.contains(", 1 ulp; ") == true)
        let cLibrary = #expect(throws: TorchKernelsUnavailable.self) { try TorchKernelLibrary.check(.default, against: bridge) }
        #expect(
            cLibrary?.reason.contains("disagrees with live torch on exp (torch.exp)") == true,
            "the C library's exp is not MKL's: \(cLibrary?.reason ?? "no error")")
    }

    /// The seam is honoured: the torch-kernel pass with `exp` one ulp off fails every case with
    /// such an `exp`, at its first one, and passes the others.
    @Test("The torch-kernel pass fails with a wrong exp, naming the first divergent node", .torchKernels)
    func wrongExpFailsThePass() throws {
        let (kernels, _) = try kernelsAndBridge()
        let reference = try LiveSettings.reference()
        let workspace = LiveWorkspace()
        _ = try reference.randomPrograms(seed: 2, first: 0, count: 40, family: "wrongexp", into: workspace)
        let family = try workspace.files.programFamily("wrongexp")
        let honest = OfflineSuite.comparisons(of: family, mode: .exact(kernels.math))
        #expect(honest.filter { !$0.passed }.isEmpty, "torch's kernels: every case at 0 ulp")

        var tally = ParityTally(mode: .exact(expOneUlpUp(kernels.math)))
        OfflineSuite.compare(family, into: &tally)
        var failing: [String] = []
        for parityCase in family.cases {
            let steps = parityCase.program.steps
            // The first exp whose value has a next double (not NaN or infinity).
            let firstNudged = steps.indices.first { i in
                steps[i].op == .exp && parityCase.expected.values[i].isFinite
            }
            let comparison = tally.failures.first { $0.comparison.program.name == parityCase.program.name }?.comparison
            if let firstNudged {
                failing.append(parityCase.program.name)
                #expect(comparison?.firstValueDivergence?.node == firstNudged, "\(parityCase.program.name)")
            } else {
                #expect(comparison == nil, "\(parityCase.program.name) has no finite exp and passes")
            }
        }
        #expect(!failing.isEmpty, "some of the programs compute a finite exp")
        #expect(tally.failures.map(\.comparison.program.name) == failing)
        let first = try #require(tally.failures.first?.comparison)
        let node = try #require(first.firstValueDivergence?.node)
        let details = ParityReport(tally: tally).failureDetails(limit: 1)
        #expect(details.contains("first divergent value (creation order): node #\(node) = #"))
        #expect(details.contains(".exp()"))
        #expect(details.contains("1 ulp (budget 0 ulp)"))
    }
}
