import ArgumentParser
import Foundation
import Micrograd

/// `micrograd train NAME`: the plain, scriptable form of a training run.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a run of Reference/cases/models.json and print its loss per step.",
        discussion:
            "One line per step, `step K loss X` (X as Swift prints a Double: shortest round-trip), for scripts. `micrograd demo` is the same run with pictures."
    )

    @Argument(
        help: "The run's name in Reference/cases/models.json (lecture, moons, yinyang).",
        completion: .list(DemoName.allCases.map(\.rawValue)))
    var name: String

    @OptionGroup var mathOption: MathOption

    @OptionGroup var package: PackageOptions

    func run() throws {
        let spec = try package.trainingRun(name)
        let math: MathLibrary
        do {
            math = try mathOption.torchKernels()?.math ?? .default
        } catch let error as CommandUnavailable {
            FileHandle.standardError.write(Data("micrograd train: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let record = MathLibrary.using(math) { Training.run(spec) }
        // Named only when chosen, so the default output stays one line per step.
        if mathOption.math != .default { print(math) }
        for (step, loss) in record.losses.enumerated() {
            print("step \(step) loss \(loss)")
        }
    }
}

/// The runs `demo` and `train` know (shell completion offers them).
enum DemoName: String, CaseIterable, ExpressibleByArgument {
    case lecture, moons, yinyang
}
