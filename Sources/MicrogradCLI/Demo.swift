import ArgumentParser
import Foundation
import Micrograd

/// `micrograd demo NAME`: a seeded training run with a live progress line, then its pictures
/// and record.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the lecture's, the moons or the yin-yang model and draw what it learned.",
        discussion: """
            Trains the run of Reference/cases/models.json with a progress line (step, loss, accuracy, \
            elapsed, steps/s), then writes into --out: NAME-boundary.svg (the decision regions with \
            the training points; for the lecture, whose inputs have 3 coordinates, NAME-predictions.svg: \
            each sample's prediction beside its target), NAME-training.svg (loss and accuracy per step) \
            and NAME-run.json (the run, every step's loss and accuracy, the final parameters), and \
            prints their paths.
            """)

    @Argument(help: "The run: lecture, moons or yinyang.")
    var name: DemoName

    @Option(help: "Train this many steps instead of the run's own (lecture 20, moons and yinyang 100).")
    var steps: Int?

    @Option(help: "Seed the data set and the model with this instead of the run's own seed.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Write the pictures and the record into this folder.", valueName: "dir"))
    var out = "micrograd-out"

    @Flag(help: "Print no progress, only the paths written.")
    var quiet = false

    @OptionGroup var package: PackageOptions

    func validate() throws {
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1 (got \(steps))") }
    }

    func run() throws {
        var spec = try package.trainingRun(name.rawValue)
        if let steps { spec.steps = steps }
        if let seed { spec.seed = seed }

        let session = TrainingSession(spec)
        var progress = ProgressLine(total: spec.steps)
        var history: [TrainingStep] = []
        for _ in 0..<spec.steps {
            let step = session.step()
            history.append(step)
            if !quiet { progress.show(step) }
        }
        let seconds = progress.elapsed

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let pictures = DemoPictures(name: name, spec: spec, session: session, history: history)
        var written: [(path: String, what: String)] = []
        for picture in pictures.all {
            let path = "\(out)/\(name.rawValue)-\(picture.suffix).svg"
            try write(picture.svg, to: path)
            written.append((path, picture.what))
        }
        let recordPath = "\(out)/\(name.rawValue)-run.json"
        let record = DemoRecord(spec: spec, session: session, history: history, seconds: seconds, files: written.map(\.path))
        try write(try JSONText.of(record) + "\n", to: recordPath)
        written.append((recordPath, "the run: its spec, every step's loss and accuracy, the final parameters"))

        let last = history[history.count - 1]
        print(
            "\(name.rawValue): \(spec.steps) steps in \(Format.fixed(seconds, 2)) s, final loss \(Format.fixed(last.loss, 6)), accuracy \(Format.fixed(100 * last.accuracy, 1))%"
        )
        let width = written.map(\.path.count).max() ?? 0
        for file in written {
            print("wrote \(file.path)\(String(repeating: " ", count: width - file.path.count))  \(file.what)")
        }
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
