import Foundation
import Testing

/// The command line's conventions: help exits 0, a usage error exits 64 with its message on
/// standard error, a failed run exits 1, `--live` without torch exits 2 with the reason.
@Suite("micrograd exit codes")
struct ExitCodeTests {
    static let subcommands = ["parity", "demo", "graph", "train"]

    @Test(
        "--help, help and every subcommand's --help exit 0 with usage on standard output",
        arguments: [["--help"], ["help"]] + subcommands.flatMap { [[$0, "--help"], ["help", $0]] })
    func helpExitsZero(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 0, "\(arguments): stderr \(outcome.stderr)")
        #expect(outcome.stdout.contains("USAGE: micrograd"), "\(arguments): \(outcome.stdout)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let outcome = try CommandRunner.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: ".").count == 3, "\(outcome.stdout)")
    }

    @Test(
        "A usage error exits 64 with the message on standard error and nothing on standard output",
        arguments: [
            (["--bogus"], "Unknown option '--bogus'"),
            (["demo", "moons", "--bogus"], "Unknown option '--bogus'"),
            (["demo", "circles"], "circles"),
            (["demo", "moons", "--steps", "0"], "--steps must be at least 1"),
            (["demo", "moons", "--steps", "many"], "many"),
            (["parity", "--live", "--bogus"], "Unknown option '--bogus'"),
            (["graph", "(a*b + c).tanh()", "a=2,b=-3"], "c has no value: add c=NUMBER"),
            (["graph", "a ** b", "a=2,b=3"], "the exponent of ** must be a number"),
            (["graph", "a +", "a=2"], "the expression ends"),
            (["graph", "x", "--case", "file.json"], "not both"),
            (["nonsense"], "nonsense"),
        ])
    func usageErrorExits64(arguments: [String], message: String) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 64, "\(arguments): stdout \(outcome.stdout) stderr \(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "\(arguments): \(outcome.stdout)")
    }

    @Test("A run that cannot be done exits 1 and says why: an unknown training run, a missing case file")
    func failureExitsOne() throws {
        let unknown = try CommandRunner.run(["train", "circles"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no training run named circles"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("lecture, moons, yinyang"), "\(unknown.stderr)")
        let missing = try CommandRunner.run(["graph", "--case", "/nonexistent/case.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/case.json"), "\(missing.stderr)")
    }

    @Test("parity --live without torch exits 2 with the reason and how to get torch")
    func liveWithoutTorch() throws {
        let outcome = try CommandRunner.run(["parity", "--live"], environment: ["MICROGRAD_PYTHON": "/nonexistent/python3"])
        #expect(outcome.status == 2, "stdout \(outcome.stdout) stderr \(outcome.stderr)")
        #expect(outcome.stderr.contains("interpreter /nonexistent/python3 not found"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Scripts/ensure_venv.sh"), "\(outcome.stderr)")
    }

    @Test("The completion script names the subcommands")
    func completion() throws {
        let outcome = try CommandRunner.run(["--generate-completion-script", "bash"])
        #expect(outcome.status == 0)
        for subcommand in Self.subcommands { #expect(outcome.stdout.contains(subcommand)) }
    }

    @Test("train prints one line per step, step K loss X, the losses of the parity suite's run")
    func train() throws {
        let outcome = try CommandRunner.run(["train", "lecture"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.first?.hasPrefix("step 0 loss ") == true)
        #expect(lines.last?.hasPrefix("step 19 loss ") == true)
    }
}
