/// Where a golden file came from, as `Reference/generate.py` records it: the torch and Python
/// versions, the platform, the CPU kernels torch picked, and the sha256 of each generator
/// source and input file.
public struct Provenance: Sendable, Equatable {
    /// `torch.__version__`.
    public let torch: String
    /// The Python version.
    public let python: String
    /// `torch.backends.cpu.get_cpu_capability()`, such as `AVX2`: which SIMD kernels ran.
    public let cpuCapability: String
    /// Operating system, machine and C library, such as `Linux x86_64 glibc 2.36`.
    public let platform: String
    /// sha256 of each generator source, by path.
    public let generator: [String: String]
    /// sha256 of each input file (the case definitions), by path.
    public let inputs: [String: String]

    init(json: JSONValue) throws(FieldError) {
        do throws(FieldError) {
            let fields = try JSONFields(json)
            try fields.requireKeys(["cpuCapability", "generator", "inputs", "libc", "machine", "python", "system", "torch"])
            torch = try fields.string("torch")
            python = try fields.string("python")
            cpuCapability = try fields.string("cpuCapability")
            platform = "\(try fields.string("system")) \(try fields.string("machine")) \(try fields.string("libc"))"
            func hashes(_ key: String) throws(FieldError) -> [String: String] {
                var hashes: [String: String] = [:]
                for (path, hash) in try fields.object(key) {
                    guard let hash = hash.string else { throw FieldError(field: "\(key).\(path)", reason: "expected a sha256 string") }
                    hashes[path] = hash
                }
                return hashes
            }
            generator = try hashes("generator")
            inputs = try hashes("inputs")
        } catch {
            throw error.inside("provenance")
        }
    }

    /// `torch 2.15.0 (AVX2), Python 3.11.7, Linux x86_64 glibc 2.36`.
    public var summary: String { "torch \(torch) (\(cpuCapability)), Python \(python), \(platform)" }
}
