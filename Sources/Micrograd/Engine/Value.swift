/// A scalar in a computation graph: micrograd's `Value`, with PyTorch's float64 arithmetic.
///
/// `Value` has reference semantics, like micrograd's: copies refer to the same node, so
/// `for p in model.parameters() { p.data -= lr * p.grad }` updates the model.
///
/// ```swift
/// let a = Value(-4.0), b = Value(2.0, label: "b")
/// let c = (a * b + b.pow(3)).relu()
/// c.backward()
/// print(c.data, a.grad, b.grad)
/// ```
///
/// A `Value(_:)` is a leaf that lives as long as some `Value` refers to it. Every other value
/// is a node on a tape (see the README's "Engine design"); the tape is reused once none of
/// its values is alive, so keep `.data`, not the `Value`, of numbers you log across steps.
///
/// ## Threads and tasks
///
/// `Value` is not `Sendable`, but Swift 6 lets you send a value (and a model) to another task
/// when nothing on the sending side uses it afterwards. That is safe: a computation with a
/// recorded operand is recorded on that operand's tape, from whichever thread, and every access
/// to a tape — recording, ``backward()``, reading or setting ``data``, ``grad``, ``label`` —
/// holds the tape's lock. A graph that starts from leaves only goes on the current thread's
/// tape. So one operation cannot combine values recorded on two different threads' tapes: it
/// stops the program with a message saying so. Record a graph on one thread or task (an async
/// function can resume on another thread after an `await`), or carry numbers across with
/// `Value(x.data)`.
public struct Value {
    /// The tape holding this node (`index >= 0`) or the leaf itself (`index == -1`).
    @usableFromInline let owner: NodeOwner
    @usableFromInline private(set) var index: Int32

    @inlinable init(tape: Tape, index: Int32) {
        owner = tape
        self.index = index
    }

    /// Node `index` of the tape `value` is a node of, holding `value`'s reference to that tape:
    /// a consumed operand's reference passes on to the result, with no reference counting.
    @inlinable init(passingOn value: consuming Value, index: Int32) {
        assert(!value.isLeaf, "only a computed node's reference to its tape passes on")
        self = value
        self.index = index
    }

    @inlinable init(leaf: Leaf) {
        owner = leaf
        index = -1
    }

    /// Creates a leaf holding `data`, such as a weight or an input.
    @inlinable public init(_ data: Double, label: String = "") {
        self.init(leaf: Leaf.make(data, label: label))
    }

    @inlinable var isLeaf: Bool { index < 0 }
    @inlinable var leaf: Leaf { unsafeDowncast(owner, to: Leaf.self) }
    @inlinable var tape: Tape { unsafeDowncast(owner, to: Tape.self) }

    /// The number this node holds. Setting it changes the node in place (micrograd's
    /// `p.data -= lr * p.grad`); nodes computed from it earlier keep their values.
    @inlinable public var data: Double {
        get {
            if isLeaf { return owner.data[0] }
            let tape = self.tape, i = Int(index)
            return tape.withLock { tape.data[i] }
        }
        nonmutating set {
            if isLeaf {
                leaf.setData(newValue)
            } else {
                let tape = self.tape, i = Int(index)
                tape.withLock { tape.data[i] = newValue }
                // A dense layer may have copied this node's value (see `ParameterNodes`).
                Leaf.noteDataChanges()
            }
        }
    }

    /// d(root)/d(self) accumulated by ``backward()`` calls since the last ``zeroGrad()``;
    /// 0 when no backward pass has reached this node.
    @inlinable public var grad: Double {
        get {
            if isLeaf { return leaf.grad }
            let tape = self.tape, i = Int(index)
            return tape.withLock { tape.gradient(at: i) }
        }
        nonmutating set {
            if isLeaf {
                leaf.setGrad(newValue)
            } else {
                let tape = self.tape, i = Int(index)
                tape.withLock { tape.setGradient(at: i, newValue) }
            }
        }
    }

    /// Forgets this node's gradient, as torch's `zero_grad()` (set to `None`) does: the next
    /// backward pass stores its gradient instead of adding to it.
    @inlinable public func zeroGrad() {
        if isLeaf {
            leaf.setGrad(nil)
        } else {
            let tape = self.tape, i = Int(index)
            tape.withLock { tape.setGradient(at: i, nil) }
        }
    }

    /// A name shown in graph exports.
    public var label: String {
        get {
            if isLeaf { return leaf.label }
            let tape = self.tape
            return tape.withLock { tape.labels[index] ?? "" }
        }
        nonmutating set {
            if isLeaf {
                leaf.label = newValue
            } else {
                let tape = self.tape
                tape.withLock { tape.labels[index] = newValue }
            }
        }
    }

    /// The operation that produced this value (``Op/leaf`` for `Value(_:)`).
    public var op: Op {
        if isLeaf { return .leaf }
        let tape = self.tape
        return tape.withLock { tape.ops[Int(index)] }
    }

    /// The operands this value was computed from, in operator order (empty for leaves).
    /// A plain `Double` operand appears as a ``Op/constant`` value. For ``Op/weightedSum``
    /// they are the bias, then each term's weight and input.
    public var children: [Value] {
        if isLeaf { return [] }
        let tape = self.tape
        return tape.withLock { tape.operandIndices(of: Int(index)).map { tape.value(at: $0) } }
    }

    /// The same node seen as a leaf when it stands for one, so identity is stable.
    @inlinable var canonical: Value {
        if isLeaf { return self }
        let tape = self.tape
        return tape.withLock { tape.value(at: index) }
    }

    /// An identity for this node, equal for every `Value` that refers to it.
    public var id: NodeID {
        let node = canonical
        return NodeID(owner: ObjectIdentifier(node.owner), index: node.index)
    }
}

extension Value: CustomStringConvertible {
    /// `Value(data=…, grad=…)`, as micrograd prints it.
    public var description: String { "Value(data=\(data), grad=\(grad))" }
}
