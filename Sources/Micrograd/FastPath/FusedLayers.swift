/// Layers of neurons recorded a whole layer per call: the fast path of ``Layer`` and ``MLP``.
///
/// `FusedLayer.apply(layers, to: x)` records exactly what calling each neuron on the inputs,
/// layer after layer, records — `layers.reduce(x) { x, layer in layer.neurons.map { $0(x) } }`:
/// per layer, each neuron's weighted sum (``Op/weightedSum``) and activation, with the same
/// values and gradients — without a `Value` for each intermediate neuron. A layer's sums come
/// first, then its activations (which changes no value or gradient, see
/// `Tape.dense(_:inputs:fresh:)`). The sums are computed several neurons at a time
/// (`DenseKernel`) and, where it gives the same gradients, the backward pass runs a layer at a
/// time (`DenseBlock`). `DenseLayerTests` proves the equivalence bit for bit.
final class FusedLayer {
    /// All weights, neuron after neuron.
    let weights: [Value]
    /// One bias per neuron.
    let biases: [Value]
    /// The activation applied to each weighted sum: ``Op/relu``, ``Op/tanh``, or nil for none.
    let activation: Op?
    /// The number of inputs of each neuron.
    let fanIn: Int
    /// Where the weights and biases sit on the tape that last recorded this layer.
    let nodes = ParameterNodes()

    /// The layer of `neurons`, or nil when they do not share an activation (each neuron is
    /// then called on its own). They share an input count (``Layer`` checks it).
    init?(_ neurons: [Neuron]) {
        guard Set(neurons.map(\.activation)).count <= 1 else { return nil }
        weights = neurons.flatMap(\.weights)
        biases = neurons.map(\.bias)
        activation = neurons.first?.activation.op
        fanIn = neurons.first?.weights.count ?? 0
    }

    /// The outputs of `layers` applied in order to `inputs`.
    static func apply(_ layers: [FusedLayer], to inputs: [Value]) -> [Value] {
        // Borrowed, not retained: the tape is kept alive by a computed input or by the thread,
        // the inputs by `inputs` and the layers by `layers`.
        let tape = inputs.first(where: { !$0.isLeaf }).map { Unmanaged.passUnretained($0.tape) } ?? CurrentTape.threadTape()
        return tape.borrowed { tape in
            tape.withLock {
                var list = tape.nodeList(count: inputs.count)
                inputs.withUnsafeBufferPointer { inputs in
                    for k in inputs.indices { tape.operands[list.at + k] = tape.index(of: inputs[k]) }
                }
                layers.withUnsafeBufferPointer { layers in
                    for l in layers.indices {
                        list = Unmanaged.passUnretained(layers[l]).borrowed { layer in
                            tape.dense(layer, inputs: list, fresh: l > 0)
                        }
                    }
                }
                return tape.values(list)
            }
        }
    }

    /// The same for plain-number inputs, each used as `w * x` with a `Double`.
    static func apply(_ layers: [FusedLayer], to inputs: [Double]) -> [Value] {
        guard let layer = layers.first else { return inputs.map { Value($0) } }
        let tape = CurrentTape.forNewGraph()
        return tape.withLock {
            var list = tape.dense(layer, constants: inputs)
            for layer in layers.dropFirst() { list = tape.dense(layer, inputs: list, fresh: true) }
            return tape.values(list)
        }
    }
}

/// A list of node indices kept in a tape's `operands`: a layer's inputs or outputs.
@usableFromInline
struct NodeList {
    @usableFromInline let at: Int
    @usableFromInline let count: Int
    /// Whether the nodes are consecutive ones, `operands[at]`, `operands[at] + 1`, … (a dense
    /// layer's outputs).
    @usableFromInline var consecutive = false
}

extension Tape {
    /// Room for a list of `count` node indices in `operands`.
    func nodeList(count: Int) -> NodeList {
        reserveOperands(count)
        let list = NodeList(at: operandCount, count: count)
        operandCount += count
        return list
    }

    /// The values of the nodes in `list`.
    ///
    /// A single output (a scalar model, as in the moons demo) is returned as an array literal:
    /// that allocates the array's storage directly, where `map` creates an empty array and then
    /// a new buffer to grow it. Measured with callgrind on a moons step of the `Loss` form
    /// (`MicrogradBenchmark --side-by-side --only engine-api --workloads moons --rounds 1`,
    /// 150 steps less 50): 784.5 k instructions per step before, 772.0 k after.
    func values(_ list: NodeList) -> [Value] {
        let nodes = operands + list.at
        if list.count == 1 { return [Value(tape: self, index: nodes[0])] }
        return (0..<list.count).map { k in Value(tape: self, index: nodes[k]) }
    }

    /// Records `layer` applied to the nodes in `inputs`; returns the list of its outputs.
    /// `fresh` inputs are the outputs of the previous layer of the same call: distinct nodes
    /// that are not parameters.
    ///
    /// The layer's nodes are its weighted sums, neuron by neuron, then its activations. Each
    /// activation's only operand is its own sum, so recording all sums before all activations
    /// changes no gradient: the sums still send theirs to the inputs last neuron first.
    func dense(_ layer: FusedLayer, inputs: NodeList, fresh: Bool) -> NodeList {
        let neurons = layer.biases.count, fanIn = layer.fanIn
        precondition(inputs.count == fanIn, "dense: \(inputs.count) inputs for \(fanIn) weights")
        layer.nodes.resolve(layer, on: self)
        let parameters = layer.nodes
        let gathered = fastPath.scratch(count: fanIn + 2 * parameters.lanes)
        let sums = gathered + fanIn, outputs = sums + parameters.lanes
        // The inputs' values: read in place when they are consecutive nodes (the previous
        // layer's outputs), else gathered.
        let inputNodes = operands + inputs.at
        let x: UnsafePointer<Double>
        if inputs.consecutive && fanIn > 0 {
            x = UnsafePointer(data + Int(inputNodes[0]))
        } else {
            for k in 0..<fanIn { gathered[k] = data[Int(inputNodes[k])] }
            x = UnsafePointer(gathered)
        }
        DenseKernel.sums(columns: parameters.columns, lanes: parameters.lanes, fanIn: fanIn, x: x, into: sums)
        DenseKernel.activate(layer.activation, sums, into: outputs, count: neurons)

        // The header, the list of outputs and the nodes, written through local copies of the
        // buffers once they have room (`x` points into `data`, which may move now; `sums` and
        // `outputs` point into the scratch memory, which does not).
        let activationCount = layer.activation == nil ? 0 : neurons
        reserveOperands(4 + neurons)
        reserveNodes(neurons + activationCount)
        let operands = self.operands, header = operandCount, first = count
        let list = NodeList(at: header + 4, count: neurons, consecutive: true)
        operands[header] = Int32(truncatingIfNeeded: fanIn)
        operands[header + 1] = Int32(truncatingIfNeeded: parameters.biasesAt)
        operands[header + 2] = Int32(truncatingIfNeeded: parameters.weightsAt)
        operands[header + 3] = Int32(truncatingIfNeeded: inputs.at)
        let nodes = NodeColumns(of: self)
        nodes.setRun(
            first, count: neurons, .weightedSum, values: sums,
            a: Int32(truncatingIfNeeded: header), aStep: 0, b: 0, bStep: 1)
        if let activation = layer.activation {
            nodes.setRun(
                first &+ neurons, count: neurons, activation, values: outputs,
                a: Int32(truncatingIfNeeded: first), aStep: 1, b: 0, bStep: 0)
        }
        assert(fastPath.scratch == gathered, "dense: the scratch memory moved while the layer was recorded")
        nodes.assertValid(for: self)
        let firstOutput = Int32(truncatingIfNeeded: first &+ activationCount)
        for j in 0..<neurons { operands[list.at &+ j] = firstOutput &+ Int32(truncatingIfNeeded: j) }
        operandCount = list.at + neurons
        count = first + neurons + activationCount

        if neurons > 0 && parameters.firstWeight >= 0 && parameters.firstBias >= 0
            && (fresh || distinctNonParameters(inputs, parameters, neurons: neurons))
        {
            fastPath.blocks.append(
                DenseBlock(
                    first: Int32(truncatingIfNeeded: first), last: Int32(truncatingIfNeeded: count - 1),
                    neurons: Int32(truncatingIfNeeded: neurons), header: Int32(truncatingIfNeeded: header),
                    firstWeight: parameters.firstWeight, firstBias: parameters.firstBias, activation: layer.activation))
        }
        return list
    }

    /// Records `layer` applied to plain numbers: each neuron wraps its own, as `w * x` with a
    /// `Double` does, so these sums keep their own operand lists.
    func dense(_ layer: FusedLayer, constants: [Double]) -> NodeList {
        let neurons = layer.biases.count, fanIn = layer.fanIn
        precondition(constants.count == fanIn, "dense: \(constants.count) inputs for \(fanIn) weights")
        layer.nodes.resolve(layer, on: self)
        let parameters = layer.nodes
        var sums: [Int32] = []
        sums.reserveCapacity(neurons)
        for j in 0..<neurons {
            let row = parameters.weightsAt + j * fanIn
            let sum = weightedSum(
                bias: operands[parameters.biasesAt + j], count: fanIn, weight: { operands[row + $0] },
                input: { append(.constant, constants[$0], 0, 0) })
            sums.append(activate(sum, data[Int(sum)], layer.activation))
        }
        let outputs = nodeList(count: neurons)
        for j in 0..<neurons { operands[outputs.at + j] = sums[j] }
        return outputs
    }

    /// Whether the nodes in `inputs` are distinct and none of them is one of the layer's
    /// parameters: with its parameters on consecutive nodes of their own, what `DenseBlock`
    /// needs to compute the layer's gradients exactly.
    private func distinctNonParameters(_ inputs: NodeList, _ parameters: ParameterNodes, neurons: Int) -> Bool {
        let weights = parameters.firstWeight..<(parameters.firstWeight + Int32(neurons * inputs.count))
        let biases = parameters.firstBias..<(parameters.firstBias + Int32(neurons))
        var previous: Int32 = -1
        for k in 0..<inputs.count {
            let node = operands[inputs.at + k]
            // Increasing, hence distinct (a layer's inputs almost always are).
            guard node > previous, !weights.contains(node), !biases.contains(node) else { return false }
            previous = node
        }
        return true
    }

    /// Records `activation(sum)` for the node `sum` holding `value` (or returns `sum` for no
    /// activation).
    @inlinable @inline(__always) func activate(_ sum: Int32, _ value: Double, _ activation: Op?) -> Int32 {
        guard let activation else { return sum }
        switch activation {
        case .relu: return append(.relu, TorchKernels.relu(value), sum, 0)
        case .tanh: return append(.tanh, TorchMath.tanh(value), sum, 0)
        default: preconditionFailure("activate: \(activation) is not an activation")
        }
    }
}
