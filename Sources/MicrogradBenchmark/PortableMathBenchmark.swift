#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Micrograd

/// `--portable-math`: ns per call of each `PortableMath` function and of the C library's, on the same
/// random inputs in one run, in alternating rounds; prints the medians and their ratio. Then the
/// yin-yang training step with either library (``YinYangMathBenchmark``).
enum PortableMathBenchmark {
    struct Function: Sendable {
        let name: String
        let inputs: String
        let portable: @Sendable (Double, Double) -> Double
        let libm: @Sendable (Double, Double) -> Double
        let draw: @Sendable (inout RNG) -> (Double, Double)
    }

    static let functions: [Function] = [
        Function(
            name: "exp", inputs: "x uniform in [-700, 700]", portable: { x, _ in PortableMath.exp(x) },
            libm: { x, _ in cExp(x) }, draw: { rng in (rng.uniform(-700, 700), 0) }),
        Function(
            name: "log", inputs: "x = 2^u, u uniform in [-1000, 1000]", portable: { x, _ in PortableMath.log(x) },
            libm: { x, _ in cLog(x) }, draw: { rng in (cExp2(rng.uniform(-1000, 1000)), 0) }),
        Function(
            name: "tanh", inputs: "x uniform in [-10, 10]", portable: { x, _ in PortableMath.tanh(x) },
            libm: { x, _ in cTanh(x) }, draw: { rng in (rng.uniform(-10, 10), 0) }),
        Function(
            name: "tanh", inputs: "x uniform in [-1, 1]", portable: { x, _ in PortableMath.tanh(x) },
            libm: { x, _ in cTanh(x) }, draw: { rng in (rng.uniform(-1, 1), 0) }),
        Function(
            name: "pow", inputs: "x uniform in [0, 10], y in [-20, 20]", portable: { x, y in PortableMath.pow(x, y) },
            libm: { x, y in cPow(x, y) }, draw: { rng in (rng.uniform(0, 10), rng.uniform(-20, 20)) }),
    ]

    static func run() {
        let count = 1 << 14, rounds = 31
        print("ns per call, medians of \(rounds) alternating rounds over the same \(count) random inputs:")
        print("  function  PortableMath   C library   ratio   inputs")
        var rng = RNG(seed: 7)
        for function in functions {
            let inputs = (0..<count).map { _ in function.draw(&rng) }
            var portable: [Double] = [], libm: [Double] = [], ratios: [Double] = []
            var sink = 0.0
            func timed(_ f: (Double, Double) -> Double) -> Double {
                let t0 = now()
                for (x, y) in inputs { sink += f(x, y) }
                return (now() - t0) / Double(count) * 1e9
            }
            for _ in 0..<rounds {
                portable.append(timed(function.portable))
                libm.append(timed(function.libm))
                ratios.append(portable.last! / libm.last!)
            }
            let name = function.name.padding(toLength: 8, withPad: " ", startingAt: 0)
            print(
                "  \(name)  \(format(median(portable), 1, width: 9)) ns \(format(median(libm), 1, width: 8)) ns  \(format(median(ratios), 2, width: 5))×   \(function.inputs)\(sink == 0.5 ? " " : "")"
            )
        }
        print()
        YinYangMathBenchmark.run()
    }

    /// The C library's functions (kept out of line, so both sides are called alike).
    @inline(never) static func cExp(_ x: Double) -> Double { exp(x) }
    @inline(never) static func cLog(_ x: Double) -> Double { log(x) }
    @inline(never) static func cTanh(_ x: Double) -> Double { tanh(x) }
    @inline(never) static func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
    static func cExp2(_ x: Double) -> Double { exp2(x) }
}
