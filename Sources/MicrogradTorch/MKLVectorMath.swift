#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The four MKL vector math entry points torch's float64 CPU kernels call (`at::vml` →
/// `vmdExp`, `vmdLn`, `vmdTanh`, `vmdSqrt`), bound with `dlsym` from the `libtorch_cpu` that
/// ships them, and called for one element with the mode torch passes.
///
/// Torch's x86-64 Linux wheels link MKL statically into `libtorch_cpu` and export these C
/// entry points (LP64: the count is a 32-bit integer, the mode a 64-bit one). Builds without
/// MKL (the macOS wheels, aarch64 Linux) compute these functions with SLEEF instead and have
/// no such symbols; binding then fails with a reason that says so.
struct MKLVectorMath: @unchecked Sendable { // C function pointers into a library never unloaded
    /// `void vmdExp(MKL_INT n, const double *a, double *r, MKL_INT64 mode)` and its siblings.
    typealias Kernel = @convention(c) (Int32, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int64) -> Void

    /// `VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE`, the mode `at::vml` passes: high accuracy,
    /// subnormals kept, no error handling.
    static let torchMode: Int64 = highAccuracy | keepSubnormals | ignoreErrors
    private static let highAccuracy: Int64 = 0x2, keepSubnormals: Int64 = 0x14_0000, ignoreErrors: Int64 = 0x100

    /// The entry point names, in the order of ``exp``, ``ln``, ``tanh``, ``sqrt``.
    static let symbols = ["vmdExp", "vmdLn", "vmdTanh", "vmdSqrt"]

    let exp: Kernel, ln: Kernel, tanh: Kernel, sqrt: Kernel
    /// `MKL_Get_Version_String`'s text, such as `Intel(R) oneAPI Math Kernel Library Version 2024.2-Product Build …`.
    let versionText: String

    /// The shared library's file name next to torch's `__init__.py` (in `torch/lib/`).
    static var libraryFileName: String {
        #if canImport(Darwin)
        "libtorch_cpu.dylib"
        #else
        "libtorch_cpu.so"
        #endif
    }

    /// Loads `path` (in a process that embeds torch it is already loaded; the handle is never
    /// closed) and binds the entry points.
    init(libraryPath path: String) throws(TorchKernelsUnavailable) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw TorchKernelsUnavailable(reason: "torch kernels: could not load \(path): \(detail)")
        }
        func bind<F>(_ name: String, as type: F.Type = F.self) throws(TorchKernelsUnavailable) -> F {
            guard let symbol = dlsym(handle, name) else {
                throw TorchKernelsUnavailable(
                    reason: """
                        torch kernels: \(path) has no symbol \(name): this torch build does not compute float64 exp, log, \
                        tanh and sqrt with Intel MKL (torch's macOS and aarch64 Linux builds have no MKL and use SLEEF), \
                        so there are no MKL kernels to call; use the default math, compared under the documented deviations
                        """)
            }
            return unsafeBitCast(symbol, to: F.self)
        }
        exp = try bind(MKLVectorMath.symbols[0])
        ln = try bind(MKLVectorMath.symbols[1])
        tanh = try bind(MKLVectorMath.symbols[2])
        sqrt = try bind(MKLVectorMath.symbols[3])
        let getVersion: @convention(c) (UnsafeMutablePointer<CChar>?, Int32) -> Void = try bind("MKL_Get_Version_String")
        var buffer = [CChar](repeating: 0, count: 256)
        getVersion(&buffer, Int32(buffer.count - 1))
        versionText = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `kernel` applied to one element, as torch applies it to a 0-dim tensor.
    @inline(__always) static func call(_ kernel: Kernel, _ x: Double) -> Double {
        var input = x, result = 0.0
        kernel(1, &input, &result, torchMode)
        return result
    }

    /// `2024.2` from ``versionText``, or the whole text if it has no `Version <v>-` part.
    var version: String {
        guard let range = versionText.range(of: "Version ") else { return versionText }
        return String(versionText[range.upperBound...].prefix { !$0.isWhitespace && $0 != "-" })
    }
}
