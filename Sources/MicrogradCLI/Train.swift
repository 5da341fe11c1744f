import ArgumentParser
import Micrograd

/// `micrograd train NAME`: the plain, scriptable form of a training run.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a run of Reference/cases/models.json and print its loss per step.",
        discussion: "One line per step, `step K loss X` (X as Swift prints a Double: shortest round-trip), for scripts. `micrograd demo` is the same run with pictures.")

    @Argument(
        help: "The run's name in Reference/cases/models.json (lecture, moons, yinyang).",
        completion: .list(DemoName.allCases.map(\.rawValue)))
    var name: String

    @OptionGroup var package: PackageOptions

    func run() throws {
        let record = Training.run(try package.trainingRun(name))
        for (step, loss) in record.losses.enumerated() {
            print("step \(step) loss \(loss)")
        }
    }
}

/// The runs `demo` and `train` know (shell completion offers them).
enum DemoName: String, CaseIterable, ExpressibleByArgument {
    case lecture, moons, yinyang
}
