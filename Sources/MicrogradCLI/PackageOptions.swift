import ArgumentParser
import Foundation
import Micrograd
import MicrogradTorch

/// The `--root` option of the commands that read `Reference/`.
struct PackageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The package root holding Reference/ (default: the current directory if it holds Reference/, else the package this command was built from).",
            valueName: "dir"))
    var root: String?

    /// The package root to read: `--root`, else the current directory, else the package the
    /// command was built from.
    func packageRoot() throws -> String {
        if let root { return root }
        let current = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: "\(current)/\(PackageOptions.specsPath)") { return current }
        if let built = PythonInstallation.packageRoot, FileManager.default.fileExists(atPath: "\(built)/\(PackageOptions.specsPath)") {
            return built
        }
        throw CommandFailure(
            "no \(PackageOptions.specsPath) in \(current): run micrograd from the swift-micrograd folder or pass --root DIR")
    }

    static let specsPath = "Reference/cases/models.json"

    /// The training runs of `Reference/cases/models.json`.
    func trainingRuns() throws -> [ModelSpec] {
        let path = "\(try packageRoot())/\(PackageOptions.specsPath)"
        do {
            return try JSONDecoder().decode([ModelSpec].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("\(path): cannot read the training runs: \(error)")
        }
    }

    /// The run named `name`.
    func trainingRun(_ name: String) throws -> ModelSpec {
        let runs = try trainingRuns()
        guard let spec = runs.first(where: { $0.name == name }) else {
            throw CommandFailure(
                "no training run named \(name) in \(PackageOptions.specsPath) (have: \(runs.map(\.name).joined(separator: ", ")))")
        }
        return spec
    }
}

/// A run that cannot be completed: printed as `Error: <message>`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
