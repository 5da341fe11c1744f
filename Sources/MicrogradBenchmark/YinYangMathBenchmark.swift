import Micrograd
import MicrogradTorch

/// The part of `--portable-math` that times a whole training step: the parity suite's yin-yang
/// run (80 training points, MLP 2-8-3 with tanh, cross-entropy, AdamW) stepped with
/// `MathLibrary.portable` and with `MathLibrary.cLibrary`, in alternating rounds, each in its
/// own ``TrainingSession``; prints the medians and the median of the rounds' ratios.
///
/// Each side runs under `MathLibrary.using` with a copy of its library (`dispatched`): the engine
/// calls the default library inline and any other out of line through its closures, so the
/// copies, never the default, put both sides behind the same dispatch whichever library is the
/// default. Under callgrind each side's instruction count is the inclusive cost of its steps'
/// closure (`--toggle-collect` on one side's `…Steps…fU_TA` per run).
enum YinYangMathBenchmark {
    static let spec = ModelSpec(
        name: "yinyang", seed: 42, dataset: .init(kind: .yinyang, count: 100),
        model: .init(inputs: 2, layers: [8, 3], activation: .tanh, outputActivation: .linear, initializer: .eureka),
        loss: .init(kind: .crossEntropy),
        optimizer: .init(kind: .adamw, learningRate: 0.1, beta1: 0.9, beta2: 0.95, epsilon: 1e-8, weightDecay: 1e-4),
        steps: 100)

    static func run(steps: Int = 100) {
        let portable = TrainingSession(spec), cLibrary = TrainingSession(spec)
        _ = portableSteps(portable, steps)
        _ = cLibrarySteps(cLibrary, steps)
        var withPortable: [Double] = [], withC: [Double] = [], ratios: [Double] = []
        for _ in 0..<alternatingRounds {
            withPortable.append(portableSteps(portable, steps))
            withC.append(cLibrarySteps(cLibrary, steps))
            ratios.append(withPortable.last! / withC.last!)
        }
        print("yin-yang training step (\(portable.points.count) points, MLP 2-8-3 tanh, cross-entropy, AdamW),")
        print("\(alternatingRounds) alternating rounds of \(steps) steps, medians:")
        print("  MathLibrary.portable  \(format(median(withPortable) * 1e6)) µs/step")
        print("  MathLibrary.cLibrary  \(format(median(withC) * 1e6)) µs/step")
        print(
            "  ratio                 \(format(median(ratios), 3))×   (rounds: \(format(ratios.min()!, 3, width: 0))–\(format(ratios.max()!, 3, width: 0))×; target ≤ 1.10×)"
        )
    }

    // Seconds per step of `steps` steps with either library. Two functions, kept out of line, so
    // that `valgrind --tool=callgrind --toggle-collect='*portableSteps*'` (or `*cLibrarySteps*`)
    // counts one side's instructions.

    @inline(never) static func portableSteps(_ session: TrainingSession, _ steps: Int) -> Double {
        MathLibrary.using(portableCopy) { time(steps: steps) { _ in _ = session.step() } }
    }

    @inline(never) static func cLibrarySteps(_ session: TrainingSession, _ steps: Int) -> Double {
        MathLibrary.using(cLibraryCopy) { time(steps: steps) { _ in _ = session.step() } }
    }

    static let portableCopy = dispatched(.portable), cLibraryCopy = dispatched(.cLibrary)

    /// `library`'s functions in a new `MathLibrary`, which is never the default.
    static func dispatched(_ library: MathLibrary) -> MathLibrary {
        MathLibrary(
            name: library.name, exp: library.exp, log: library.log, tanh: library.tanh, sqrt: library.sqrt,
            pow: library.pow, scalarExp: library.scalarExp)
    }
}
