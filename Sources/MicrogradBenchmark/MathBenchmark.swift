#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Micrograd
import MicrogradTorch

/// `--math`: the cost per call of the engine's elementary functions (``TorchMath``) with the
/// default library and with torch's kernels, next to the C library called directly, in
/// alternating rounds; and of recording `x.tanh()` on a graph in both modes.
func mathBenchmark() {
    let count = 4096, callsPerRound = 200_000
    var rng = RNG(seed: 7)
    let inputs = (0..<count).map { _ in rng.uniform(-3, 3) }
    let positive = inputs.map { abs($0) + 0.125 }
    let torch: TorchKernelLibrary?
    do {
        torch = try TorchKernelLibrary.shared()
    } catch {
        print("torch kernels not timed: \(error)")
        torch = nil
    }

    /// Nanoseconds per call of `f` over the inputs.
    func perCall(_ xs: [Double], _ f: (Double) -> Double) -> Double {
        var sink = 0.0
        let t0 = now()
        var i = 0
        for _ in 0..<callsPerRound {
            sink += f(xs[i])
            i = (i + 1) & (count - 1)
        }
        let elapsed = now() - t0
        if sink.isNaN { print("") }
        return elapsed / Double(callsPerRound) * 1e9
    }

    typealias Row = (name: String, time: () -> Double)
    func rows(
        _ name: String, _ xs: [Double], c: @escaping (Double) -> Double, seam: @escaping (Double) -> Double,
        kernel: ((Double) -> Double)?
    ) -> [Row] {
        var rows: [Row] = [
            ("\(name): C library, called directly", { perCall(xs, c) }),
            ("\(name): TorchMath, default library", { perCall(xs, seam) }),
        ]
        if let torch, let kernel {
            rows.append(("\(name): torch kernel, called directly", { perCall(xs, kernel) }))
            rows.append(("\(name): TorchMath, torch kernels (scoped)", { MathLibrary.using(torch.math) { perCall(xs, seam) } }))
        }
        return rows
    }
    #if canImport(Glibc)
    let (cExp, cLog, cTanh) =
        ({ Glibc.exp($0) }, { Glibc.log($0) }, { Glibc.tanh($0) }) as ((Double) -> Double, (Double) -> Double, (Double) -> Double)
    #else
    let (cExp, cLog, cTanh) =
        ({ Darwin.exp($0) }, { Darwin.log($0) }, { Darwin.tanh($0) }) as ((Double) -> Double, (Double) -> Double, (Double) -> Double)
    #endif
    var all =
        rows("exp", inputs, c: cExp, seam: { TorchMath.exp($0) }, kernel: torch?.math.exp)
        + rows("log", positive, c: cLog, seam: { TorchMath.log($0) }, kernel: torch?.math.log)
        + rows("tanh", inputs, c: cTanh, seam: { TorchMath.tanh($0) }, kernel: torch?.math.tanh)
        + rows("sqrt", positive, c: { $0.squareRoot() }, seam: { TorchMath.sqrt($0) }, kernel: torch?.math.sqrt)
    let record: (Double) -> Double = { Value($0).tanh().data }
    all.append(("Value(x).tanh(): default library", { perCall(inputs, record) }))
    if let torch {
        all.append(("Value(x).tanh(): torch kernels (scoped)", { MathLibrary.using(torch.math) { perCall(inputs, record) } }))
    }

    var samples = [[Double]](repeating: [], count: all.count)
    for _ in 0..<alternatingRounds {
        for (i, row) in all.enumerated() { samples[i].append(row.time()) }
    }
    print(
        "ns per call, median of \(alternatingRounds) alternating rounds of \(callsPerRound) calls"
            + (torch.map { " (\($0.math))" } ?? "") + ":")
    for (i, row) in all.enumerated() {
        let base = all.firstIndex { $0.name.hasPrefix(row.name.prefix { $0 != ":" }) } ?? i
        let ratios = zip(samples[i], samples[base]).map { $0 / $1 }
        print(
            "  \(row.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(format(median(samples[i]), 2)) ns"
                + (base == i ? "" : "   \(format(median(ratios), 2, width: 5))× the first row of its group"))
    }
}
