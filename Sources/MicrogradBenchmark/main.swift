import Foundation
import Micrograd

/// Times one training step of karpathy's moons demo (MLP 2-16-16-1, SVM max-margin loss +
/// 1e-4 L2, SGD, 100 points) on the engine and on a hand-written loop doing the same arithmetic
/// without a graph, in the same run, and prints the ratio.
///
///     swift run -c release MicrogradBenchmark [steps]
///     swift run -c release MicrogradBenchmark --phases   # where an engine step spends its time
///     swift run -c release MicrogradBenchmark --memory   # RSS over 1,000 training steps
///     swift run -c release MicrogradBenchmark --backward # repeated backward passes, 10M nodes
///     swift run -c release MicrogradBenchmark --math     # ns per exp/log/tanh/sqrt: default math, torch's kernels
///     swift run -c release MicrogradBenchmark --portable-math  # PortableMath vs the C library: ns/call, yin-yang step
///     bash Scripts/bench.sh                                # --side-by-side: against micrograd and torch
///
/// The two are timed in alternating rounds (`steps` engine steps, then `steps` hand-written
/// ones, `alternatingRounds` times), so a slow stretch of a shared machine affects both sides
/// of a round alike; the ratio printed is the median of the rounds' ratios.

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Seconds per call of `body`, timed over `steps` calls.
func time(steps: Int, from first: Int = 0, _ body: (Int) -> Void) -> Double {
    let t0 = now()
    for k in first..<(first + steps) { body(k) }
    return (now() - t0) / Double(steps)
}

func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

/// Alternating rounds timed: enough that a median is steady on a shared VM whose speed drifts.
let alternatingRounds = 31

func format(_ x: Double, _ digits: Int = 1, width: Int = 8) -> String {
    String(format: "%\(width).\(digits)f", x)
}

/// The process's resident set size in kB (`VmRSS` of /proc/self/status).
func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return Int(line.split(separator: " ")[1]) ?? 0
}

func run() {
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.contains("--side-by-side") {
        do { try SideBySide.run(Array(arguments)) } catch { fatalError("\(error)") }
        return
    }
    if arguments.contains("--backward") { return repeatedBackward() }
    if arguments.contains("--portable-math") { return PortableMathBenchmark.run() }
    if arguments.contains("--math") {
        mathBenchmark()
        return
    }
    let steps = arguments.first.flatMap { Int($0) } ?? 100
    var rng = RNG(seed: 42)
    let data = Dataset.moons(count: 100, noise: 0.1, rng: &rng)
    let model = MLP(2, [16, 16, 1], rng: &rng)
    let parameters = model.parameters()
    func learningRate(_ k: Int) -> Double { 1.0 - 0.9 * Double(k % 100) / 100 }
    var sgd = SGD(parameters: parameters, learningRate: learningRate)

    // The demo's step, as karpathy's notebook writes it: inputs wrapped in `Value`s.
    func wrap(_ x: [Double]) -> [Value] { x.map { Value($0) } }
    func forward() -> [Value] { data.inputs.map { model(wrap($0))[0] } }
    func loss(_ scores: [Value]) -> Value {
        Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: 1e-4)
    }
    func engineStepLoss() -> Value {
        let total = loss(forward())
        model.zeroGrad()
        total.backward()
        sgd.step()
        return total
    }
    func engineStep(_: Int) { _ = engineStepLoss() }
    let nodes = engineStepLoss().graphNodeCount

    if arguments.contains("--memory") {
        var atStep10 = 0, peak = 0
        for k in 0..<1000 {
            engineStep(k)
            let rss = residentKilobytes()
            if k == 10 { atStep10 = rss }
            if k >= 10 { peak = max(peak, rss) }
        }
        let growth = Double(peak - atStep10) / Double(atStep10) * 100
        print("moons training, 1,000 steps: RSS at step 10 \(atStep10) kB, peak after it \(peak) kB (+\(format(growth, 2, width: 0))%)")
        return
    }

    if arguments.contains("--phases") {
        let names = ["forward (100 points)", "max-margin loss", "L2 penalty", "zeroGrad", "backward", "SGD step"]
        var totals = [Double](repeating: 0, count: names.count)
        let rounds = 2000
        for _ in 0..<rounds {
            var t = [now()]
            let scores = forward(); t.append(now())
            let dataLoss = Loss.maxMargin(scores: scores, labels: data.labels); t.append(now())
            let total = dataLoss + Loss.l2(parameters, alpha: 1e-4); t.append(now())
            model.zeroGrad(); t.append(now())
            total.backward(); t.append(now())
            sgd.step(); t.append(now())
            for i in names.indices { totals[i] += t[i + 1] - t[i] }
        }
        print("engine step by phase, mean of \(rounds) steps:")
        for (name, seconds) in zip(names, totals) {
            print("  \(name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(format(seconds / Double(rounds) * 1e6)) µs")
        }
        return
    }

    let hand = HandWrittenMoons(sizes: [2, 16, 16, 1], parameters: parameters.map(\.data), samples: data.count)
    var sink = 0.0
    func handStep(_ k: Int) {
        sink += hand.step(x: data.inputs, y: data.labels, learningRate: learningRate(k), alpha: 1e-4)
    }

    // Both compute the same step: the first losses agree (up to the order of the hand-written
    // loop's sums over the batch).
    let engineLoss = engineStepLoss().data
    let handLoss = hand.step(x: data.inputs, y: data.labels, learningRate: learningRate(1), alpha: 1e-4)
    precondition(abs(engineLoss - handLoss) <= 1e-12 * abs(engineLoss), "engine \(engineLoss) vs hand-written \(handLoss)")
    for k in 2..<12 { engineStep(k); handStep(k) }
    var engine: [Double] = [], handWritten: [Double] = [], ratios: [Double] = []
    for round in 0..<alternatingRounds {
        let first = 12 + round * steps
        engine.append(time(steps: steps, from: first, engineStep))
        handWritten.append(time(steps: steps, from: first, handStep))
        ratios.append(engine[round] / handWritten[round])
    }
    let engineTime = median(engine)
    print("moons step (MLP 2-16-16-1, 100 points, \(parameters.count) parameters, \(nodes) graph nodes),")
    print("\(alternatingRounds) alternating rounds of \(steps) steps, medians:")
    print("  engine        \(format(engineTime * 1e6)) µs/step   \(format(Double(nodes) / engineTime / 1e6, width: 6)) M nodes/s")
    print("  hand-written  \(format(median(handWritten) * 1e6)) µs/step")
    print(
        "  ratio         \(format(median(ratios), 2))×   (rounds: \(format(ratios.min()!, 2, width: 0))–\(format(ratios.max()!, 2, width: 0))×; target ≤ 4×)"
    )
    if sink.isNaN { print("hand-written loop diverged") }
}

run()
