import Foundation
import Micrograd

/// DOT files of failing cases, for `dot -Tsvg`: the case run through the engine again, its
/// nodes labelled `#<step>`, the divergent node filled red.
public enum FailureGraph {
    /// Larger cases are not drawn: their graphs are unreadable.
    public static let maximumNodes = 300

    /// Writes the graph of `comparison`'s case to `<directory>/<family>/<case>.dot` and returns
    /// its path, or says why it was not written.
    public static func write(_ comparison: CaseComparison, family: String, highlighting node: Int, into directory: String) -> String {
        let program = comparison.program
        guard program.steps.count <= maximumNodes else {
            return "not drawn (\(program.steps.count) nodes; at most \(maximumNodes) are)"
        }
        let run = ProgramRun(program, aligningDeviationsTo: comparison.expected, mode: comparison.mode)
        for (index, value) in run.nodes.enumerated() { value.label = "#\(index)" }
        let text =
            "// \(family): case \"\(program.name)\"; node #\(node) is the first divergent one\n"
            + GraphExport.dot(of: run.nodes, highlighting: run.nodes[node].id)
        let folder = "\(directory)/\(family)"
        let path = "\(folder)/\(fileName(program.name)).dot"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return "\(path) (node #\(node) highlighted)"
        } catch {
            return "could not write \(path): \(error)"
        }
    }

    /// A case name as a file name: `/` and other unsafe characters become `_`.
    static func fileName(_ caseName: String) -> String {
        String(caseName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }
}
