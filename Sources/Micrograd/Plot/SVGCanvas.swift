#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A picture being drawn as SVG 1.1 text: shapes and text in user units (pixels), origin at
/// the top left. Text is escaped, numbers are written with two decimals at most, so the
/// document is always well-formed XML.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The document, with a white background and `title` as its accessible title.
    func document(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(n(width))" height="\(n(height))" \
        viewBox="0 0 \(n(width)) \(n(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
        <title>\(SVGCanvas.escaped(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, crisp: Bool = false) {
        let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        let rendering = crisp ? " shape-rendering=\"crispEdges\"" : ""
        body.append(
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\"\(outline)\(rendering)/>")
    }

    mutating func line(from start: (Double, Double), to end: (Double, Double), stroke: String, width: Double = 1) {
        body.append(
            "<line x1=\"\(n(start.0))\" y1=\"\(n(start.1))\" x2=\"\(n(end.0))\" y2=\"\(n(end.1))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>"
        )
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dashed: Bool = false) {
        let coordinates = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        body.append(
            "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"\(dash)/>"
        )
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String = "#ffffff", strokeWidth: Double = 1) {
        body.append(
            "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"/>"
        )
    }

    /// How text is placed relative to its point.
    enum Anchor: String {
        case start, middle, end
    }

    /// `text` with its baseline at `y`; `rotated` turns it a quarter left about its point.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
        color: String = "#222222", rotated: Bool = false
    ) {
        let weight = bold ? " font-weight=\"bold\"" : ""
        let turn = rotated ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
        body.append(
            "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(color)\"\(weight)\(turn)>\(SVGCanvas.escaped(text))</text>"
        )
    }

    /// `text` safe inside an element or a quoted attribute.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate: at most two decimals, no trailing zeros, never exponent notation.
    private func n(_ x: Double) -> String { PlotNumber.text(x, decimals: 2, trimmingZeros: true) }
}

/// Numbers as pictures print them.
enum PlotNumber {
    /// `x` with `decimals` digits after the point (C's `%.*f`), trailing zeros (and a bare
    /// point) dropped when `trimmingZeros`; `-0` prints as `0`.
    static func text(_ x: Double, decimals: Int, trimmingZeros: Bool = false) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let x = (x * scale).rounded() == 0 ? 0 : x
        var text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let count = withVaList([Int32(decimals), x]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.*f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
        }
        if trimmingZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
