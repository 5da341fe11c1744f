import Micrograd

/// The part of `--portable-math` that times a whole training step: the parity suite's yin-yang
/// run (80 training points, MLP 2-8-3 with tanh, cross-entropy, AdamW) stepped with
/// `MathLibrary.portable` and with `MathLibrary.cLibrary`, in alternating rounds, each in its
/// own ``TrainingSession``; prints the medians and the median of the rounds' ratios.
///
/// Both libraries are chosen with `MathLibrary.using`, so both sides reach their functions the
/// same way (out of line, through the library's closures).
enum YinYangMathBenchmark {
    static let spec = ModelSpec(
        name: "yinyang", seed: 42, dataset: .init(kind: .yinyang, count: 100),
        model: .init(inputs: 2, layers: [8, 3], activation: .tanh, outputActivation: .linear, initializer: .eureka),
        loss: .init(kind: .crossEntropy),
        optimizer: .init(kind: .adamw, learningRate: 0.1, beta1: 0.9, beta2: 0.95, epsilon: 1e-8, weightDecay: 1e-4),
        steps: 100)

    static func run(steps: Int = 100) {
        let portable = TrainingSession(spec), cLibrary = TrainingSession(spec)
        func timed(_ session: TrainingSession, _ library: MathLibrary) -> Double {
            MathLibrary.using(library) {
                time(steps: steps) { _ in _ = session.step() }
            }
        }
        _ = timed(portable, .portable)
        _ = timed(cLibrary, .cLibrary)
        var withPortable: [Double] = [], withC: [Double] = [], ratios: [Double] = []
        for _ in 0..<alternatingRounds {
            withPortable.append(timed(portable, .portable))
            withC.append(timed(cLibrary, .cLibrary))
            ratios.append(withPortable.last! / withC.last!)
        }
        print("yin-yang training step (\(portable.points.count) points, MLP 2-8-3 tanh, cross-entropy, AdamW),")
        print("\(alternatingRounds) alternating rounds of \(steps) steps, medians:")
        print("  MathLibrary.portable  \(format(median(withPortable) * 1e6)) µs/step")
        print("  MathLibrary.cLibrary  \(format(median(withC) * 1e6)) µs/step")
        print("  ratio                 \(format(median(ratios), 3))×   (rounds: \(format(ratios.min()!, 3, width: 0))–\(format(ratios.max()!, 3, width: 0))×; target ≤ 1.10×)")
    }
}
