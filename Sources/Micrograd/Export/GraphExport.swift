/// Graphviz DOT text of a computation graph, drawn as micrograd's `draw_dot` draws it.
///
/// Every value is a record node `{ label | data %.4f | grad %.4f }`; a computed value also
/// gets an oval with its operation (`+`, `*`, `tanh`…) between its operands and itself. A
/// ``Op/weightedSum`` node is drawn as the chain of `*` and `+` nodes micrograd builds for a
/// neuron. The nodes below the roots are found by one backward sweep over the tape, as
/// `backward()` finds them, so graphs of any depth export (a million-node chain too); they are
/// written in creation order, named `n<index on the tape>`.
///
/// ```swift
/// let a = Value(2.0, label: "a"), b = Value(-3.0, label: "b")
/// let c = a * b
/// c.backward()
/// print(c.dot(highlight: a.id))   // paste into `dot -Tsvg`
/// ```
public enum GraphExport {
    /// The DOT text of everything `roots` depend on, with `highlighted` (if any) filled red.
    public static func dot(of roots: [Value], highlighting highlighted: NodeID? = nil) -> String {
        var text = ""
        write(of: roots, highlighting: highlighted, to: &text)
        return text
    }

    /// Writes the DOT text of everything `roots` depend on to `output`, a few lines at a time,
    /// so very large graphs can go straight to a file.
    public static func write(
        of roots: [Value], highlighting highlighted: NodeID? = nil, to output: inout some TextOutputStream
    ) {
        output.write("digraph {\n\tgraph [rankdir=LR]\n")
        var tapes: [Tape] = [], tapeRoots: [[Int]] = [], leafRoots: [Value] = []
        for root in roots {
            if root.isLeaf {
                leafRoots.append(root)
            } else if let k = tapes.firstIndex(where: { $0 === root.tape }) {
                tapeRoots[k].append(Int(root.index))
            } else {
                tapes.append(root.tape)
                tapeRoots.append([Int(root.index)])
            }
        }
        var drawnLeaves = Set<NodeID>()
        for (k, tape) in tapes.enumerated() {
            let prefix = k == 0 ? "n" : "t\(k)n"
            let below = tape.withLock { tape.nodes(below: tapeRoots[k]) }
            for i in below.indices where below[i] {
                // Read under the lock, drawn (through the public accessors) without it.
                let (value, operands) = tape.withLock { (tape.value(at: Int32(i)), tape.operandIndices(of: i)) }
                if value.isLeaf { drawnLeaves.insert(value.id) }
                GraphNodes.draw(
                    value, name: "\(prefix)\(i)", operands: operands.map { "\(prefix)\($0)" },
                    highlighted: value.id == highlighted, to: &output)
            }
        }
        for (k, leaf) in leafRoots.enumerated() where drawnLeaves.insert(leaf.id).inserted {
            GraphNodes.draw(leaf, name: "leaf\(k)", operands: [], highlighted: leaf.id == highlighted, to: &output)
        }
        output.write("}\n")
    }
}

extension Tape {
    /// Which nodes the nodes `roots` depend on (roots included): one sweep from the highest
    /// root down, marking operands, as the backward pass does.
    func nodes(below roots: [Int]) -> [Bool] {
        var marked = [Bool](repeating: false, count: (roots.max() ?? -1) + 1)
        for root in roots { marked[root] = true }
        for i in marked.indices.reversed() where marked[i] {
            for operand in operandIndices(of: i) { marked[Int(operand)] = true }
        }
        return marked
    }
}

extension Value {
    /// The DOT text of the graph below this value (see ``GraphExport``), with `highlight`
    /// (if any) filled red.
    public func dot(highlight: NodeID? = nil) -> String {
        GraphExport.dot(of: [self], highlighting: highlight)
    }
}
