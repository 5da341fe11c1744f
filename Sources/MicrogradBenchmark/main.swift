import Micrograd
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func run() {
    // Local stand-in MLP over Values (same arithmetic as the hand-written loop).
    var seed: UInt64 = 0x9E3779B97F4A7C15
    func draw() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) * 0x1p-53 * 2 - 1 }
    let sizes = [2, 16, 16, 1]
    var params: [Value] = []
    var layers: [[(w: [Value], b: Value)]] = []
    for l in 1..<sizes.count {
        var layer: [(w: [Value], b: Value)] = []
        for _ in 0..<sizes[l] {
            let w = (0..<sizes[l - 1]).map { _ in Value(draw()) }
            let b = Value(0)
            params += w + [b]
            layer.append((w, b))
        }
        layers.append(layer)
    }
    let xs: [[Double]] = (0..<100).map { _ in [draw() * 2, draw()] }
    let ys: [Double] = xs.map { $0[0] * $0[1] > 0 ? 1 : -1 }
    var hand = HandWrittenMoons(sizes: sizes, parameters: params.map(\.data))

    func engineStep(_ k: Int) -> (Double, Int) {
        var scores: [Value] = []
        for x in xs {
            var act = x.map { Value($0) }
            for (l, layer) in layers.enumerated() {
                act = layer.map { n in
                    let s = Value.weightedSum(bias: n.b, weights: n.w, inputs: act)
                    return l < layers.count - 1 ? s.relu() : s
                }
            }
            scores.append(act[0])
        }
        var losses: [Value] = []
        for (y, s) in zip(ys, scores) { losses.append((1 + -y * s).relu()) }
        var dataLoss = Value(0) + losses[0]
        for l in losses.dropFirst() { dataLoss = dataLoss + l }
        dataLoss = dataLoss * (1.0 / Double(losses.count))
        var reg = Value(0) + params[0] * params[0]
        for p in params.dropFirst() { reg = reg + p * p }
        let total = dataLoss + 1e-4 * reg
        for p in params { p.zeroGrad() }
        total.backward()
        let lr = 1.0 - 0.9 * Double(k) / 100
        for p in params { p.data -= lr * p.grad }
        return (total.data, 0)
    }

    let steps = Int(CommandLine.arguments.dropFirst().first ?? "200") ?? 200
    for k in 0..<10 { _ = engineStep(k); _ = hand.step(x: xs, y: ys, learningRate: 0.1, alpha: 1e-4) }
    var t0 = now()
    for k in 0..<steps { _ = engineStep(k % 100) }
    let engine = (now() - t0) / Double(steps)
    t0 = now()
    var sink = 0.0
    for _ in 0..<steps { sink += hand.step(x: xs, y: ys, learningRate: 0.0, alpha: 1e-4) }
    let handTime = (now() - t0) / Double(steps)
    print(String(describing: sink).prefix(0), terminator: "")
    print("engine step: \(Int(engine * 1e6)) µs   hand-written: \(Int(handTime * 1e6)) µs   ratio: \(engine / handTime)")

}
run()
