import ArgumentParser
import Micrograd
import MicrogradTorch

/// The `--math` option of the commands that run the engine.
struct MathOption: ParsableArguments {
    /// The libraries the engine can be given from the command line.
    enum Choice: String, CaseIterable, ExpressibleByArgument {
        /// ``Micrograd/MathLibrary/default``.
        case `default`
        /// torch's own kernels, from the torch `MICROGRAD_PYTHON` (or the reference venv) has.
        case torch
    }

    @Option(
        help: ArgumentHelp(
            "The math library: default, or torch (torch's own kernels, from the torch of MICROGRAD_PYTHON or the reference venv).",
            valueName: "library"))
    var math: Choice = .default

    /// torch's kernels when asked for, nil for the default library; exits 2 with the reason
    /// when they cannot be loaded.
    func torchKernels() throws -> TorchKernelLibrary? {
        guard math == .torch else { return nil }
        do {
            return try TorchKernelLibrary.shared()
        } catch {
            throw CommandUnavailable("--math torch: \(error)")
        }
    }
}

/// What a command needs and cannot have here (live torch, torch's kernels): the reason on
/// standard error, exit status 2.
struct CommandUnavailable: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
