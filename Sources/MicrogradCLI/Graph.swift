import ArgumentParser
import Foundation
import Micrograd
import MicrogradParity

/// `micrograd graph`: a graph after `backward()`, as micrograd's `draw_dot` draws it.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph of the lecture's neuron, of an expression or of a case program, after backward().",
        discussion: """
            Writes NAME.dot into --out and, when Graphviz's `dot` is installed, NAME.svg and NAME.png \
            (otherwise it says how to install it). Every node shows its data and its gradient.
              micrograd graph                                   the lecture's neuron o = tanh(x1*w1 + x2*w2 + b)
              micrograd graph "(a*b + c).tanh()" a=2,b=-3,c=10   an expression (Python syntax) and its inputs
              micrograd graph --case case.json                  a case program ({"name": …, "steps": […]})
              micrograd graph --print | dot -Tsvg > neuron.svg  the DOT text on standard output only
            """)

    @Argument(
        help: "An expression such as \"(a*b + c).tanh()\": numbers, names, + - * / ** and .tanh() .exp() .log() .relu() .sigmoid() .pow(n)."
    )
    var expression: String?

    @Argument(help: "The names' values: a=2,b=-3,c=10 (or a=2 b=-3 c=10).")
    var values: [String] = []

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp("A case program, or a case file with --name (see Reference/cases/).", valueName: "file"))
    var caseFile: String?

    @Option(help: "The case to draw from a case file holding several.")
    var name: String?

    @Option(help: ArgumentHelp("Write the files into this folder.", valueName: "dir"))
    var out = "micrograd-out"

    @Flag(name: .customLong("print"), help: "Print the DOT text on standard output and write no file.")
    var printOnly = false

    func validate() throws {
        if caseFile != nil && expression != nil { throw ValidationError("give an expression or --case FILE, not both") }
        if name != nil && caseFile == nil { throw ValidationError("--name selects a case of --case FILE") }
        if expression == nil && !values.isEmpty { throw ValidationError("values without an expression") }
        if let expression { _ = try recorded(expression) }
    }

    func run() throws {
        let (root, fileName, title) = try graph()
        let dot = Graph.titled(root.dot(), title)
        if printOnly {
            print(dot, terminator: "")
            return
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let dotPath = "\(out)/\(fileName).dot"
        try dot.write(toFile: dotPath, atomically: true, encoding: .utf8)
        print("wrote \(dotPath)")
        guard let graphviz = Graphviz.find() else {
            print(
                """
                Graphviz's dot is not installed, so no picture was drawn. Install it (Debian, Ubuntu: \
                apt-get install graphviz; macOS: brew install graphviz) and run this again, or draw the file: \
                dot -Tsvg \(dotPath) -o \(out)/\(fileName).svg
                """)
            return
        }
        for format in ["svg", "png"] {
            let path = "\(out)/\(fileName).\(format)"
            try graphviz.render(dotPath, format: format, to: path)
            print("wrote \(path)")
        }
    }

    /// The root of the graph to draw, after `backward()`, the file name and the title for it.
    private func graph() throws -> (Value, String, String) {
        if let caseFile {
            let program = try CaseFile.program(at: caseFile, named: name)
            let run = ProgramRun(program)
            return (run.nodes[program.root], CaseFile.fileName(for: program.name), "case \(program.name) after backward()")
        }
        if let expression {
            let root = try recorded(expression)
            root.backward()
            let inputs = values.flatMap { $0.split(separator: ",") }.joined(separator: ", ")
            return (root, "expression", "\(expression) with \(inputs) after backward()")
        }
        // The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b).
        let x1 = Value(2.0, label: "x1"), x2 = Value(0.0, label: "x2")
        let w1 = Value(-3.0, label: "w1"), w2 = Value(1.0, label: "w2")
        let b = Value(6.8813735870195432, label: "b")
        let n = x1 * w1 + x2 * w2 + b
        n.label = "n"
        let o = n.tanh()
        o.label = "o"
        o.backward()
        return (o, "neuron", "the lecture's neuron: o = tanh(x1*w1 + x2*w2 + b) after o.backward()")
    }

    /// The expression recorded on leaves bound to `values`; a syntax error or an unbound name
    /// is a usage error.
    private func recorded(_ expression: String) throws -> Value {
        let leaves = try bindings()
        do {
            return try Expression.record(expression, leaves: leaves)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// `dot` with `title` over the graph.
    static func titled(_ dot: String, _ title: String) -> String {
        let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let header = "digraph {\n"
        guard dot.hasPrefix(header) else { return dot }
        return header + "\tgraph [label=\"\(escaped)\" labelloc=t fontsize=20 fontname=\"Helvetica-Bold\"]\n" + dot.dropFirst(header.count)
    }

    /// The leaves named by `values`, each labelled with its name.
    private func bindings() throws -> [String: Value] {
        var leaves: [String: Value] = [:]
        for binding in values.flatMap({ $0.split(separator: ",") }) {
            let parts = binding.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let number = Double(parts[1]) else {
                throw ValidationError("\"\(binding)\" is not NAME=NUMBER (such as a=2)")
            }
            leaves[parts[0]] = Value(number, label: parts[0])
        }
        return leaves
    }
}

/// Graphviz's `dot`, found on `PATH`.
struct Graphviz {
    let executable: String

    static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Graphviz? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }.map(Graphviz.init)
    }

    /// Runs `dot -T<format> <input> -o <output>`.
    func render(_ input: String, format: String, to output: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)", input, "-o", output]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("\(executable) -T\(format) \(input) failed with exit status \(process.terminationStatus)")
        }
    }
}

/// The cases of a file: a case file's `cases`, or the one case object the file holds.
private struct CaseFileContents: Decodable {
    let entries: [Lenient<CaseProgram>]

    private enum Keys: String, CodingKey { case cases }

    init(from decoder: any Decoder) throws {
        if let members = try? decoder.container(keyedBy: Keys.self), members.contains(.cases) {
            entries = try members.decode([Lenient<CaseProgram>].self, forKey: .cases)
        } else {
            entries = [Lenient(from: decoder)]
        }
    }
}

/// A case program read from a file.
enum CaseFile {
    /// The program in `path`: a case object, or the case `name` of a case file (`{"cases": […]}`;
    /// `name` may be left out when the file holds one case).
    static func program(at path: String, named name: String?) throws -> CaseProgram {
        let entries: [Lenient<CaseProgram>]
        do {
            entries = try JSONDecoder().decode(CaseFileContents.self, from: Data(contentsOf: URL(fileURLWithPath: path))).entries
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        let named = entries.filter { name == nil || $0.name == name }
        guard named.count == 1 else {
            let names = entries.compactMap(\.name)
            if let name {
                throw CommandFailure("\(path): no case named \(name) (first of \(names.count): \(names.prefix(5).joined(separator: ", ")))")
            }
            throw CommandFailure(
                "\(path) holds \(names.count) cases: pick one with --name (first: \(names.prefix(5).joined(separator: ", ")))")
        }
        switch named[0].result {
        case .success(let program): return program
        case .failure(let error): throw CommandFailure("\(path): case \(name ?? named[0].name ?? "?"): \(error)")
        }
    }

    /// A file name for case `name`: its characters other than letters, digits, `-` and `_` become `_`.
    static func fileName(for name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
