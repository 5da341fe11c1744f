import Foundation
import Micrograd
import MicrogradParity

/// Torch's own float64 math kernels as a ``Micrograd/MathLibrary``: MKL's `vmdExp`, `vmdLn`,
/// `vmdTanh` and `vmdSqrt` from the `libtorch_cpu` of the torch the bridge embeds, called for
/// one element with the mode `at::vml` passes, and the C library for `pow` and `sigmoid`'s
/// exponential (what libtorch itself calls for those). With it every result of the engine is
/// torch's, bit for bit.
///
/// The library is calling the library torch ships, in the process that already embeds torch:
/// nothing is copied or redistributed. Before it is handed out, every entry is checked against
/// live torch (``checkedInputs`` inputs, 0 ulp); any failure, from finding torch to the check,
/// is a ``TorchKernelsUnavailable`` that says what was missing or what differed.
public struct TorchKernelLibrary: Sendable {
    /// The engine's math library: `torch kernels (libtorch <version>, MKL <version>)`.
    public let math: MathLibrary
    /// The `libtorch_cpu` the kernels come from.
    public let libraryPath: String
    /// `torch.__version__`.
    public let torchVersion: String
    /// MKL's version, such as `2024.2`.
    public let mklVersion: String
    /// `torch.backends.cpu.get_cpu_capability()`: which SIMD kernels torch picked on this CPU.
    public let cpuCapability: String
    /// Operating system, machine and C library, as golden files record them (`Linux x86_64 glibc 2.36`).
    public let platform: String
    /// How many inputs the check compared with live torch.
    public let checkedInputs: Int

    /// The kernels of the process's bridge (``PythonBridge/shared()``), loaded and checked once.
    public static func shared() throws(TorchKernelsUnavailable) -> TorchKernelLibrary { try loaded.get() }

    private static let loaded = Result { () throws(TorchKernelsUnavailable) in
        let bridge: PythonBridge
        do throws(PythonUnavailable) {
            bridge = try PythonBridge.shared()
        } catch {
            throw TorchKernelsUnavailable(reason: "torch kernels: no torch to take them from: \(error.reason)")
        }
        return try load(from: bridge)
    }

    /// Loads the kernels from the `libtorch_cpu` next to the torch `bridge` embeds (or from
    /// `libraryPath`), binds them and checks the library against that torch.
    public static func load(from bridge: PythonBridge, libraryPath: String? = nil) throws(TorchKernelsUnavailable) -> TorchKernelLibrary {
        let facts = try TorchFacts(bridge)
        let path = libraryPath ?? "\(facts.lib)/\(MKLVectorMath.libraryFileName)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw TorchKernelsUnavailable(
                reason:
                    "torch kernels: no \(MKLVectorMath.libraryFileName) at \(path) (torch \(facts.version) from \(bridge.interpreterPath))")
        }
        let mkl = try MKLVectorMath(libraryPath: path)
        let c = CLibraryMath.library // what libtorch calls for pow and sigmoid's exp
        let math = MathLibrary(
            name: "torch kernels (libtorch \(facts.version), MKL \(mkl.version))",
            exp: { MKLVectorMath.call(mkl.exp, $0) }, log: { MKLVectorMath.call(mkl.ln, $0) },
            tanh: { MKLVectorMath.call(mkl.tanh, $0) }, sqrt: { MKLVectorMath.call(mkl.sqrt, $0) },
            pow: c.pow, scalarExp: c.scalarExp)
        let checked = try TorchKernelCheck.check(math, bridge: bridge)
        return TorchKernelLibrary(
            math: math, libraryPath: path, torchVersion: facts.version, mklVersion: mkl.version,
            cpuCapability: facts.capability, platform: facts.platform, checkedInputs: checked)
    }

    /// Checks `math` against the torch `bridge` embeds, as ``load(from:libraryPath:)`` checks
    /// torch's kernels: every entry on a few hundred inputs, at 0 ulp.
    /// - Returns: how many inputs were compared.
    /// - Throws: the first entry that differs, with the input and both results.
    public static func check(_ math: MathLibrary, against bridge: PythonBridge) throws(TorchKernelsUnavailable) -> Int {
        try TorchKernelCheck.check(math, bridge: bridge)
    }

    /// Why goldens with `provenance` cannot be promised 0 ulp with these kernels, or nil when
    /// they were generated with the same torch on the same kind of CPU and platform: MKL picks
    /// its code path by CPU, as torch picks its SIMD kernels, so the same kernels may round
    /// differently elsewhere.
    public func zeroUlpObstacle(_ provenance: Provenance) -> String? {
        var differences: [String] = []
        if provenance.torch != torchVersion { differences.append("torch \(provenance.torch), not \(torchVersion)") }
        if provenance.cpuCapability != cpuCapability {
            differences.append("CPU capability \(provenance.cpuCapability), not \(cpuCapability)")
        }
        if provenance.platform != platform { differences.append("platform \(provenance.platform), not \(platform)") }
        return differences.isEmpty ? nil : "the goldens were generated with " + differences.joined(separator: ", ")
    }
}

/// What the embedded torch says about itself.
private struct TorchFacts: Decodable {
    /// `torch/lib`, where `libtorch_cpu` is.
    let lib: String
    let version: String
    let capability: String
    let platform: String

    init(_ bridge: PythonBridge) throws(TorchKernelsUnavailable) {
        let expression = """
            (lambda torch, os, platform, json: json.dumps(dict(lib=os.path.join(os.path.dirname(torch.__file__), "lib"), \
            version=torch.__version__, capability=torch.backends.cpu.get_cpu_capability(), \
            platform=" ".join([platform.system(), platform.machine(), " ".join(platform.libc_ver()).strip()]).strip())))\
            (__import__("torch"), __import__("os"), __import__("platform"), __import__("json"))
            """
        let answer: String
        do {
            answer = try bridge.evaluate(expression)
        } catch {
            throw TorchKernelsUnavailable(reason: "torch kernels: the embedded torch could not say where it is: \(error.summary)")
        }
        do {
            self = try JSONDecoder().decode(TorchFacts.self, from: Data(answer.utf8))
        } catch {
            throw TorchKernelsUnavailable(reason: "torch kernels: the embedded torch answered \(answer), not where it is: \(error)")
        }
    }
}
