import Foundation
import Micrograd
import MicrogradParity

/// A math library checked against live torch: each of its entries on a few hundred inputs
/// (each function's special values and edges, and values spread over its range), every result
/// compared with torch's on a 0-dim float64 tensor at 0 ulp (any NaN equals any NaN).
enum TorchKernelCheck {
    /// Inputs per function.
    static let inputsPerFunction = 320

    /// One entry checked: the torch expression and the library's function.
    struct Entry {
        /// What the reason names, such as `exp (torch.exp)`.
        let name: String
        /// A Python expression of `t`, a 0-dim float64 tensor holding one input.
        let torch: String
        /// The same computed by the library.
        let library: (Double) -> Double
        /// The inputs.
        let inputs: [Double]
    }

    /// Checks every entry of `math` (exp, log, tanh and sqrt directly; `scalarExp` through
    /// `torch.sigmoid`, which is `1 / (1 + std::exp(-x))` for one element; `pow` with
    /// exponents without a special case), returning how many inputs were compared.
    /// - Throws: the first entry that differs, with the input, both results and how many
    ///   inputs of that entry differ.
    static func check(_ math: MathLibrary, bridge: PythonBridge) throws(TorchKernelsUnavailable) -> Int {
        let entries =
            [
                Entry(name: "exp (torch.exp)", torch: "torch.exp(t)", library: math.exp, inputs: inputs(.exp)),
                Entry(name: "log (torch.log)", torch: "torch.log(t)", library: math.log, inputs: inputs(.log)),
                Entry(name: "tanh (torch.tanh)", torch: "torch.tanh(t)", library: math.tanh, inputs: inputs(.tanh)),
                Entry(name: "sqrt (torch.sqrt)", torch: "torch.sqrt(t)", library: math.sqrt, inputs: inputs(.sqrt)),
                Entry(
                    name: "scalarExp (torch.sigmoid)", torch: "torch.sigmoid(t)",
                    library: { 1 / (1 + math.scalarExp(-$0)) }, inputs: inputs(.tanh)),
            ]
            + powExponents.map { e in
                Entry(
                    name: "pow (torch.pow(x, \(e)))", torch: "torch.pow(t, \(e))", library: { math.pow($0, e) },
                    inputs: inputs(.log))
            }
        var compared = 0
        for entry in entries {
            let expected = try torchResults(entry, bridge: bridge)
            let actual = entry.inputs.map(entry.library)
            let differing = entry.inputs.indices.filter { UlpDistance(expected[$0], actual[$0]) != .zero }
            if let first = differing.first {
                let x = entry.inputs[first]
                throw TorchKernelsUnavailable(
                    reason: """
                        torch kernels: \(math.name) disagrees with live torch on \(entry.name): \
                        x = \(HexFloat.format(x)) (\(x)): torch \(HexFloat.format(expected[first])), \
                        library \(HexFloat.format(actual[first])), \(UlpDistance(expected[first], actual[first])); \
                        \(differing.count) of \(entry.inputs.count) inputs differ
                        """)
            }
            compared += entry.inputs.count
        }
        return compared
    }

    /// Exponents of the `pow` check, none of them one of torch's special cases.
    static let powExponents = [0.7, -1.3, 2.5]

    /// Torch's results for `entry`'s inputs, each on a 0-dim float64 tensor (bit patterns cross
    /// the bridge as integers, so NaN payloads and signed zeros survive).
    static func torchResults(_ entry: Entry, bridge: PythonBridge) throws(TorchKernelsUnavailable) -> [Double] {
        let bits = entry.inputs.map { String($0.bitPattern) }.joined(separator: ",")
        let expression = """
            (lambda torch, struct: ",".join(str(struct.unpack("<Q", struct.pack("<d", (lambda t: \(entry.torch))(\
            torch.tensor(struct.unpack("<d", struct.pack("<Q", b))[0], dtype=torch.float64)).item()))[0]) \
            for b in [\(bits)]))(__import__("torch"), __import__("struct"))
            """
        let answer: String
        do {
            answer = try bridge.evaluate(expression)
        } catch {
            throw TorchKernelsUnavailable(
                reason: "torch kernels: live torch could not compute \(entry.torch) for the check: \(error.summary)")
        }
        let results = answer.split(separator: ",").compactMap { UInt64($0).map(Double.init(bitPattern:)) }
        guard results.count == entry.inputs.count else {
            throw TorchKernelsUnavailable(
                reason: "torch kernels: live torch answered \(results.count) results of \(entry.torch) for \(entry.inputs.count) inputs")
        }
        return results
    }

    /// Which function's inputs.
    enum Domain { case exp, log, tanh, sqrt }

    /// ``inputsPerFunction`` inputs for `domain`: special values and the function's edges, then
    /// deterministic pseudo-random values over its range.
    static func inputs(_ domain: Domain) -> [Double] {
        let common: [Double] = [
            0, -0.0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude,
            .leastNormalMagnitude, .greatestFiniteMagnitude, 0.5, 2, 1e-300, 1e-8,
        ]
        var special: [Double], draw: (inout SplitMix64) -> Double
        switch domain {
        case .exp:
            special = common + [709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.39, 88.7]
            draw = { rng in rng.uniform(-750, 712) }
        case .tanh:
            special = common + [19.0615, -19.0615, 22, 0.55, -0.55, 1e-5]
            draw = { rng in rng.nextBool() ? rng.uniform(-20, 20) : rng.uniform(-1, 1) }
        case .log, .sqrt:
            special = common + [-2, 0.9999999999999999, 1.0000000000000002, 1e308, Double.leastNonzeroMagnitude * 3]
            draw = { rng in
                // Any positive double (a random exponent), or one near 1.
                rng.nextBool() ? Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) : rng.uniform(0.5, 2)
            }
        }
        var rng = SplitMix64(seed: 0x746F_7263_686B_726E &+ UInt64(special.count))
        while special.count < inputsPerFunction { special.append(draw(&rng)) }
        return special
    }
}

/// Steele, Lea and Flood's SplitMix64: the check's inputs, the same on every run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextBool() -> Bool { next() & 1 == 1 }

    /// A double in `[a, b)` from 53 random bits.
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(next() >> 11) * 0x1p-53 }
}
