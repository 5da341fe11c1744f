import Foundation
import Micrograd

/// Times one training step of karpathy's moons demo (MLP 2-16-16-1, SVM max-margin loss +
/// 1e-4 L2, SGD, 100 points) on the engine and on a hand-written loop doing the same arithmetic
/// without a graph, in the same run, and prints the ratio.
///
///     swift run -c release MicrogradBenchmark [steps]
///     swift run -c release MicrogradBenchmark --memory   # RSS over 1,000 training steps

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Median of `repeats` timings of `steps` calls of `body`, in seconds per call.
func time(steps: Int, repeats: Int = 5, _ body: (Int) -> Void) -> Double {
    var samples: [Double] = []
    for _ in 0..<repeats {
        let t0 = now()
        for k in 0..<steps { body(k) }
        samples.append((now() - t0) / Double(steps))
    }
    return samples.sorted()[repeats / 2]
}

/// The process's resident set size in kB (`VmRSS` of /proc/self/status).
func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return Int(line.split(separator: " ")[1]) ?? 0
}

func run() {
    let memoryMode = CommandLine.arguments.contains("--memory")
    let steps = Int(CommandLine.arguments.dropFirst().first ?? "100") ?? 100
    var rng = RNG(seed: 42)
    let data = Dataset.moons(count: 100, noise: 0.1, rng: &rng)
    let model = MLP(2, [16, 16, 1], rng: &rng)
    let parameters = model.parameters()
    var sgd = SGD(parameters: parameters, learningRate: { k in 1.0 - 0.9 * Double(k % 100) / 100 })
    func engineStep(_ k: Int) { _ = engineStepLoss(k) }
    func engineStepLoss(_ k: Int) -> Value {
        let scores = data.inputs.map { model($0.map { Value($0) })[0] }
        let loss = Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: 1e-4)
        model.zeroGrad()
        loss.backward()
        sgd.step()
        return loss
    }
    let nodes = engineStepLoss(0).graphNodeCount

    if memoryMode {
        var atStep10 = 0, peak = 0
        for k in 0..<1000 {
            engineStep(k)
            let rss = residentKilobytes()
            if k == 10 { atStep10 = rss }
            if k >= 10 { peak = max(peak, rss) }
        }
        let growth = Double(peak - atStep10) / Double(atStep10) * 100
        print("moons training, 1,000 steps: RSS at step 10 \(atStep10) kB, peak after it \(peak) kB (+\(String(format: "%.2f", growth))%)")
        return
    }

    let hand = HandWrittenMoons(sizes: [2, 16, 16, 1], parameters: parameters.map(\.data), samples: data.count)
    var sink = 0.0
    func handStep(_ k: Int) {
        sink += hand.step(x: data.inputs, y: data.labels, learningRate: 1.0 - 0.9 * Double(k % 100) / 100, alpha: 1e-4)
    }

    // Both compute the same step: the first losses agree (up to the order of the hand-written
    // loop's sums over the batch).
    let engineLoss = engineStepLoss(0).data
    let handLoss = hand.step(x: data.inputs, y: data.labels, learningRate: 1.0, alpha: 1e-4)
    precondition(abs(engineLoss - handLoss) <= 1e-12 * abs(engineLoss), "engine \(engineLoss) vs hand-written \(handLoss)")
    for k in 1..<10 { engineStep(k); handStep(k) }
    let engine = time(steps: steps, engineStep)
    let handWritten = time(steps: steps, handStep)
    print("moons step (MLP 2-16-16-1, 100 points, \(parameters.count) parameters, \(nodes) graph nodes), median of 5 × \(steps) steps:")
    print("  engine        \(String(format: "%8.1f", engine * 1e6)) µs/step   \(String(format: "%6.1f", Double(nodes) / engine / 1e6)) M nodes/s")
    print("  hand-written  \(String(format: "%8.1f", handWritten * 1e6)) µs/step")
    print("  ratio         \(String(format: "%8.2f", engine / handWritten))×   (target ≤ 6×)")
    if sink.isNaN { print("hand-written loop diverged") }
}

run()
