/// Where a golden file came from, as `Reference/generate.py` records it: the torch and Python
/// versions, the platform, the CPU kernels torch picked, and the sha256 of each generator
/// source and input file.
public struct Provenance: Sendable, Equatable, Decodable {
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

    /// Decodes a golden file's `provenance` object, with exactly the keys `generate.py` writes.
    public init(from decoder: any Decoder) throws {
        let members = try decoder.members(["cpuCapability", "generator", "inputs", "libc", "machine", "python", "system", "torch"])
        torch = try members.value("torch")
        python = try members.value("python")
        cpuCapability = try members.value("cpuCapability")
        platform =
            "\(try members.value("system", as: String.self)) \(try members.value("machine", as: String.self)) "
            + (try members.value("libc", as: String.self))
        generator = Dictionary(uniqueKeysWithValues: try members.dictionary("generator", of: String.self))
        inputs = Dictionary(uniqueKeysWithValues: try members.dictionary("inputs", of: String.self))
    }

    /// `torch 2.15.0 (AVX2), Python 3.11.7, Linux x86_64 glibc 2.36`.
    public var summary: String { "torch \(torch) (\(cpuCapability)), Python \(python), \(platform)" }
}
