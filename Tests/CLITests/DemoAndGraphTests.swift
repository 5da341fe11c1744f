import Foundation
import Testing

/// `micrograd demo` writes its pictures and record and prints their paths; `micrograd graph`
/// writes the DOT file (and the pictures when Graphviz is installed).
@Suite("micrograd demo and graph output")
struct DemoAndGraphTests {
    @Test("demo moons writes a valid decision-boundary SVG, a valid training SVG and the JSON record, and prints their paths")
    func demoMoons() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CommandRunner.run(["demo", "moons", "--steps", "4", "--seed", "7", "--out", folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = ["moons-boundary.svg", "moons-training.svg", "moons-run.json"].map { "\(folder)/\($0)" }
        for path in expected {
            #expect(outcome.stdout.contains("wrote \(path)"), "\(outcome.stdout)")
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
        // Piped: one progress line per step.
        #expect(outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("step ") }.count == 4, "\(outcome.stdout)")

        let boundary = try SVGCheck.validate(String(contentsOfFile: expected[0], encoding: .utf8))
        #expect(boundary.title == "moons: MLP(2, [16, 16, 1]) after 4 steps")
        #expect((boundary.elements["circle"] ?? 0) >= 100, "one circle per point, and the legend's")
        #expect(boundary.texts.contains("−1") && boundary.texts.contains("+1"), "legend: \(boundary.texts)")
        let training = try SVGCheck.validate(String(contentsOfFile: expected[1], encoding: .utf8))
        #expect(training.texts.contains("loss") && training.texts.contains("accuracy"), "legend: \(training.texts)")
        #expect(training.texts.contains("step") && training.texts.contains("accuracy (%)"), "axis labels: \(training.texts)")

        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expected[2]))) as? [String: Any])
        let steps = try #require(record["steps"] as? [[String: Any]])
        #expect(steps.count == 4)
        #expect((record["spec"] as? [String: Any])?["seed"] as? Int == 7)
        #expect((record["finalParameters"] as? [Any])?.count == 337)
        #expect(record["files"] as? [String] == Array(expected.prefix(2)))
    }

    @Test("demo lecture (3 inputs) draws predictions beside targets; --quiet prints only the summary and the paths")
    func demoLectureQuiet() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CommandRunner.run(["demo", "lecture", "--quiet", "--out", folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("step "), "\(outcome.stdout)")
        #expect(outcome.stdout.split(separator: "\n").count == 4, "\(outcome.stdout)")
        let predictions = try SVGCheck.validate(String(contentsOfFile: "\(folder)/lecture-predictions.svg", encoding: .utf8))
        #expect(predictions.texts.contains("target") && predictions.texts.contains("prediction"))
    }

    @Test("graph writes the lecture's neuron as DOT, and as SVG and PNG when Graphviz is installed")
    func graph() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CommandRunner.run(["graph", "--out", folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let dot = try String(contentsOfFile: "\(folder)/neuron.dot", encoding: .utf8)
        #expect(dot.contains("data 0.7071 | grad 1.0000"), "o = tanh(n) = 0.7071 after o.backward()")
        if CommandRunner.onPath("dot") != nil {
            try SVGCheck.validate(String(contentsOfFile: "\(folder)/neuron.svg", encoding: .utf8))
            #expect(FileManager.default.fileExists(atPath: "\(folder)/neuron.png"))
        } else {
            #expect(outcome.stdout.contains("apt-get install graphviz") && outcome.stdout.contains("brew install graphviz"))
        }
    }

    @Test("graph without Graphviz on PATH writes the DOT file and says how to install it")
    func graphWithoutGraphviz() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CommandRunner.run(["graph", "a*b", "a=2,b=3", "--out", folder], environment: ["PATH": folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/expression.dot"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/expression.svg"))
        #expect(
            outcome.stdout.contains("apt-get install graphviz") && outcome.stdout.contains("brew install graphviz"), "\(outcome.stdout)")
    }

    @Test("graph --case draws a case program; --print writes the DOT text to standard output only")
    func graphOfCase() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/case.json"
        try #"{"name": "demo/case", "steps": [{"op": "leaf", "value": "0x1.8p+1"}, {"op": "mul", "args": [0, 0]}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["graph", "--case", file, "--print"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("digraph {"))
        #expect(outcome.stdout.contains("data 9.0000 | grad 1.0000"), "3 * 3 after backward()")
        #expect(outcome.stdout.contains("data 3.0000 | grad 6.0000"), "d(x*x)/dx = 2x")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["case.json"])
    }
}
