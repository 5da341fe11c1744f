import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks that a document is an SVG picture a viewer can draw: well-formed XML, an `<svg>` root
/// in the SVG namespace with a size, and a `<title>` (the first one is the summary's title).
enum SVGCheck {
    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// What the document holds.
    struct Summary {
        var root = ""
        var namespace = ""
        var width = "", height = ""
        var title = ""
        var texts: [String] = []
        var elements: [String: Int] = [:]
    }

    /// Parses `svg`; throws with the parser's reason and position when it is not a valid picture.
    @discardableResult
    static func validate(_ svg: String) throws -> Summary {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw Invalid(
                description:
                    "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")"
            )
        }
        let summary = collector.summary
        guard summary.root == "svg" else { throw Invalid(description: "the root element is <\(summary.root)>, not <svg>") }
        guard summary.namespace == "http://www.w3.org/2000/svg" else {
            throw Invalid(description: "the root's xmlns is \"\(summary.namespace)\"")
        }
        if let problem = collector.problem { throw Invalid(description: problem) }
        guard length(summary.width) != nil, length(summary.height) != nil else {
            throw Invalid(description: "the root's width \"\(summary.width)\" and height \"\(summary.height)\" are not numbers")
        }
        guard !summary.title.isEmpty else { throw Invalid(description: "no <title>") }
        return summary
    }

    /// A length such as `720`, `720px` or `1698pt`, in its own unit.
    static func length(_ text: String) -> Double? {
        Double(["px", "pt"].first { text.hasSuffix($0) }.map { String(text.dropLast($0.count)) } ?? text)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var summary = Summary()
        /// An end tag that closes another element than the open one (some parsers let it pass).
        var problem: String?
        private var path: [String] = []
        private var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if path.isEmpty {
                summary.root = name
                summary.namespace = attributes["xmlns"] ?? ""
                summary.width = attributes["width"] ?? ""
                summary.height = attributes["height"] ?? ""
            }
            summary.elements[name, default: 0] += 1
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parserDidEndDocument(_ parser: XMLParser) {
            if !path.isEmpty && problem == nil { problem = "<\(path.last!)> is never closed" }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" && summary.title.isEmpty { summary.title = text }
            if name == "text" { summary.texts.append(text) }
            if path.last != name && problem == nil {
                problem = "line \(parser.lineNumber): </\(name)> closes <\(path.last ?? "nothing")>"
            }
            path.removeLast()
            text = ""
        }
    }

    /// `rsvg-convert` on `PATH`, the converter the render test draws with.
    static let converter = CommandRunner.onPath("rsvg-convert")

    /// Draws `svg` to a PNG with `rsvg-convert`; throws with its message when it refuses.
    static func render(_ svg: String, converter: String) throws -> Data {
        let folder = NSTemporaryDirectory() + "micrograd-svg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = "\(folder)/picture.svg", output = "\(folder)/picture.png"
        try svg.write(toFile: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: converter)
        process.arguments = [input, "-o", output]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Invalid(description: "rsvg-convert exited \(process.terminationStatus): \(message)")
        }
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }
}
