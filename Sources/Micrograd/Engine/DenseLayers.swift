import Synchronization

/// Fully connected layers recorded in one call: what `MLP` and `Layer` do, without creating a
/// `Value` for each intermediate neuron.
///
/// Node for node, the tape holds what calling the neurons one by one records: for each layer,
/// for each neuron, its weighted sum (``Op/weightedSum``) and then its activation.
extension Value {
    /// One fully connected layer: its neurons' weights (neuron by neuron, each `inputs` long),
    /// biases and activation (``Op/relu``, ``Op/tanh``, or nil for none).
    public struct DenseLayer {
        /// All weights, neuron after neuron.
        public let weights: [Value]
        /// One bias per neuron.
        public let biases: [Value]
        /// The activation applied to each weighted sum, if any.
        public let activation: Op?
        /// Where the weights and biases sit on the tape that last recorded this layer.
        let nodes = ParameterNodes()

        /// A layer of `biases.count` neurons with `weights.count / biases.count` inputs each.
        public init(weights: [Value], biases: [Value], activation: Op?) {
            precondition(activation == nil || activation == .relu || activation == .tanh,
                         "DenseLayer: activation must be relu, tanh or nil")
            precondition(biases.isEmpty || weights.count % biases.count == 0,
                         "DenseLayer: \(weights.count) weights for \(biases.count) neurons")
            self.weights = weights
            self.biases = biases
            self.activation = activation
        }
    }

    /// The outputs of `layers` applied in order to `inputs`.
    public static func dense(_ layers: [DenseLayer], inputs: [Value]) -> [Value] {
        let tape = inputs.first(where: { !$0.isLeaf })?.tape ?? CurrentTape.forNewGraph()
        return dense(layers, on: tape, inputs: inputs.map { tape.index(of: $0) })
    }

    /// The same for plain-number inputs, each used as `w * x` with a `Double`.
    public static func dense(_ layers: [DenseLayer], inputs: [Double]) -> [Value] {
        let tape = CurrentTape.forNewGraph()
        return dense(layers, on: tape, constantInputs: inputs)
    }

    static func dense(_ layers: [DenseLayer], on tape: Tape, inputs: [Int32] = [], constantInputs: [Double]? = nil) -> [Value] {
        var current = inputs
        var next: [Int32] = []
        var widest = 0
        for layer in layers { widest = max(widest, layer.biases.count) }
        current.reserveCapacity(widest)
        next.reserveCapacity(widest)
        for (l, layer) in layers.enumerated() {
            let neurons = layer.biases.count
            let fanIn = neurons == 0 ? 0 : layer.weights.count / neurons
            let nodes = layer.nodes.resolve(layer, on: tape)
            next.removeAll(keepingCapacity: true)
            nodes.weights.withUnsafeBufferPointer { weights in
                for j in 0..<neurons {
                    let row = j * fanIn
                    let sum: Int32
                    if l == 0, let constants = constantInputs {
                        precondition(constants.count == fanIn, "dense: \(constants.count) inputs for \(fanIn) weights")
                        // Each neuron wraps its own numbers, as `w * x` with a Double does.
                        sum = tape.weightedSum(
                            bias: nodes.biases[j], count: fanIn, weight: { weights[row + $0] },
                            input: { tape.append(.constant, constants[$0], 0, 0) })
                    } else {
                        precondition(current.count == fanIn, "dense: \(current.count) inputs for \(fanIn) weights")
                        sum = current.withUnsafeBufferPointer { x in
                            tape.weightedSum(bias: nodes.biases[j], count: fanIn, weight: { weights[row + $0] }, input: { x[$0] })
                        }
                    }
                    next.append(tape.activate(sum, layer.activation))
                }
            }
            swap(&current, &next)
        }
        return current.map { Value(tape: tape, index: $0) }
    }
}

/// The node indices of a layer's weights and biases on one tape. A model's parameters are
/// used by every sample of a batch; looking their nodes up once per tape epoch (and again
/// after any leaf's value changes, which records it afresh) saves a lookup per weight per
/// sample.
final class ParameterNodes {
    @exclusivity(unchecked) private var stamp: UInt64 = 0
    @exclusivity(unchecked) private var changes: UInt64 = .max
    @exclusivity(unchecked) private(set) var weights: [Int32] = []
    @exclusivity(unchecked) private(set) var biases: [Int32] = []

    /// The nodes of `layer`'s parameters on `tape`, recording them on first use.
    func resolve(_ layer: Value.DenseLayer, on tape: Tape) -> ParameterNodes {
        let changes = Leaf.dataChanges.load(ordering: .relaxed)
        if stamp != tape.stamp || self.changes != changes {
            weights = layer.weights.map { tape.index(of: $0) }
            biases = layer.biases.map { tape.index(of: $0) }
            stamp = tape.stamp
            self.changes = changes
        }
        return self
    }
}

extension Tape {
    /// Records `activation(node)` (or returns `node` for no activation).
    @inlinable func activate(_ node: Int32, _ activation: Op?) -> Int32 {
        guard let activation else { return node }
        let x = data[Int(node)]
        switch activation {
        case .relu: return append(.relu, TorchKernels.relu(x), node, 0)
        case .tanh: return append(.tanh, TorchMath.tanh(x), node, 0)
        default: preconditionFailure("activate: \(activation) is not an activation")
        }
    }
}
