#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The DOT statements of one value: its record, its operation and the edges from its operands.
enum GraphNodes {
    static let highlightStyle = " style=filled fillcolor=\"#ff8080\" color=red penwidth=3"

    /// Draws `value`, named `node`, whose operands (``Value/children``) are named `operands`.
    static func draw(
        _ value: Value, name node: String, operands: [String], highlighted: Bool, to output: inout some TextOutputStream
    ) {
        record(node, label: value.label, data: value.data, grad: value.grad, highlighted: highlighted, to: &output)
        switch value.op {
        case .leaf, .constant:
            return
        case .weightedSum where operands.count > 1:
            weightedSumChain(value, node: node, operands: operands, to: &output)
        default:
            operation(node, symbol: value.op.description, inputs: operands, to: &output)
        }
    }

    /// micrograd's neuron, `sum((wi*xi for ...), b)`: a `*` node per term and a `+` node per
    /// addition; the last addition is the value itself. Every node of the chain carries the
    /// value's gradient, as the unfused chain would.
    static func weightedSumChain(_ value: Value, node: String, operands: [String], to output: inout some TextOutputStream) {
        let children = value.children
        let terms = (children.count - 1) / 2
        var sum = children[0].data
        var previous = operands[0]
        for i in 0..<terms {
            let w = children[1 + 2 * i].data, x = children[2 + 2 * i].data
            let product = "\(node)_mul\(i)"
            record(product, label: "", data: w * x, grad: value.grad, highlighted: false, to: &output)
            operation(product, symbol: Op.mul.description, inputs: [operands[1 + 2 * i], operands[2 + 2 * i]], to: &output)
            sum = sum + w * x
            let partial = i == terms - 1 ? node : "\(node)_add\(i)"
            if i < terms - 1 {
                record(partial, label: "", data: sum, grad: value.grad, highlighted: false, to: &output)
            }
            operation(partial, symbol: Op.add.description, inputs: [previous, product], to: &output)
            previous = partial
        }
    }

    /// `node [label="{ label | data … | grad … }" shape=record]`.
    static func record(
        _ node: String, label: String, data: Double, grad: Double, highlighted: Bool, to output: inout some TextOutputStream
    ) {
        let style = highlighted ? highlightStyle : ""
        output.write("\t\(node) [label=\"{ \(escaped(label)) | data \(fixed4(data)) | grad \(fixed4(grad)) }\" shape=record\(style)]\n")
    }

    /// The operation oval of `node`, its edge to `node`, and one edge from each distinct input.
    static func operation(_ node: String, symbol: String, inputs: [String], to output: inout some TextOutputStream) {
        output.write("\t\(node)_op [label=\"\(symbol)\"]\n\t\(node)_op -> \(node)\n")
        for (i, input) in inputs.enumerated() where !inputs[..<i].contains(input) {
            output.write("\t\(input) -> \(node)_op\n")
        }
    }

    /// `x` as C's (and Python's) `"%.4f"` prints it.
    static func fixed4(_ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let count = withVaList([x]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.4f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
        }
    }

    /// `text` safe inside a quoted record label: DOT quotes and record separators escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"", "\\", "{", "}", "|", "<", ">": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
