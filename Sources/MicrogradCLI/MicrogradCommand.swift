import ArgumentParser

/// `micrograd`: the engine's command line.
@main
struct MicrogradCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "micrograd",
        abstract: "A scalar autodiff engine with PyTorch's float64 arithmetic, and its parity suite.",
        discussion: """
            Start with `micrograd demo moons`: it trains karpathy's moons classifier and draws its \
            decision boundary. `micrograd parity` checks the engine against PyTorch.
            Exit status: 0 on success, 1 when a check fails or a run cannot be completed, \
            2 when live torch is asked for and cannot run, 64 on a usage error.
            """,
        version: "0.1.0",
        subcommands: [Parity.self, Demo.self, Graph.self, Train.self])
}
