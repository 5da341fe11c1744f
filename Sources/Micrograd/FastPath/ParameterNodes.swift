/// A dense layer's parameters as one tape sees them: where their nodes are, and their values
/// laid out for the forward pass.
///
/// A model's parameters are used by every sample of a batch; recording them once per tape
/// epoch (and again after any leaf's value changes, which records it afresh) saves looking up
/// each weight for each sample.
final class ParameterNodes {
    @exclusivity(unchecked) private var stamp: UInt64 = 0
    @exclusivity(unchecked) private var changes: UInt64 = .max
    /// Where the weight node indices (neuron after neuron) start in the tape's `operands`.
    @exclusivity(unchecked) private(set) var weightsAt = 0
    /// Where the bias node indices start in the tape's `operands`.
    @exclusivity(unchecked) private(set) var biasesAt = 0
    /// The node of the first weight and of the first bias when the weights and the biases are
    /// each consecutive nodes recorded for this layer alone (what a dense block needs), else -1.
    @exclusivity(unchecked) private(set) var firstWeight: Int32 = -1
    @exclusivity(unchecked) private(set) var firstBias: Int32 = -1
    /// The number of neurons the forward pass computes, padding included (`DenseKernel.lanes`).
    @exclusivity(unchecked) private(set) var lanes = 0
    /// The weights' values input by input (`lanes` per row, zero-padded), then the biases'.
    @exclusivity(unchecked) private(set) var columns = UnsafeMutablePointer<Double>.allocate(capacity: 0)
    @exclusivity(unchecked) private var capacity = 0

    deinit { columns.deallocate() }

    /// Records `layer`'s parameters on `tape` unless this already describes them there.
    ///
    /// `Leaf.dataChanges` counts value changes on every thread, so a change elsewhere (another
    /// thread's optimizer step) only makes this check that its nodes still stand: recording
    /// again then would give the same values, but a footprint that depends on other threads.
    func resolve(_ layer: FusedLayer, on tape: Tape) {
        let changes = Leaf.dataChanges.load(ordering: .relaxed)
        if stamp != tape.stamp || (self.changes != changes && !describes(layer, on: tape)) {
            record(layer, on: tape)
            stamp = tape.stamp
        }
        self.changes = changes
    }

    /// Whether the nodes recorded for `layer` on `tape` (in this tape epoch) still hold its
    /// parameters' values: each leaf still has its node there (a new value clears a leaf's
    /// stamp, so its next use records it afresh elsewhere), and each parameter node still holds
    /// the value copied into `columns`.
    private func describes(_ layer: FusedLayer, on tape: Tape) -> Bool {
        let neurons = layer.biases.count, fanIn = layer.fanIn
        let data = tape.data, weightNodes = tape.operands + weightsAt, biasNodes = tape.operands + biasesAt
        func stands(_ value: Value, _ node: Int32, _ column: Double) -> Bool {
            if value.isLeaf {
                let state = value.leaf.state.pointee
                if state.tapeStamp != tape.stamp || state.tapeIndex != node { return false }
            }
            return data[Int(node)].bitPattern == column.bitPattern
        }
        for j in 0..<neurons {
            for k in 0..<fanIn where !stands(layer.weights[j * fanIn + k], weightNodes[j * fanIn + k], columns[k * lanes + j]) {
                return false
            }
            if !stands(layer.biases[j], biasNodes[j], columns[fanIn * lanes + j]) { return false }
        }
        return true
    }

    private func record(_ layer: FusedLayer, on tape: Tape) {
        let neurons = layer.biases.count, weights = layer.weights.count
        let fanIn = neurons == 0 ? 0 : weights / neurons
        let before = tape.count
        tape.reserveOperands(weights + neurons)
        tape.reserveNodes(weights + neurons)
        tape.reserveLeaves(weights + neurons)
        // The layer holds its parameters: keeping it alive keeps every leaf recorded here.
        tape.fastPath.heldLayers.append(Unmanaged.passUnretained(layer))
        weightsAt = tape.operandCount
        biasesAt = weightsAt + weights
        tape.operandCount = biasesAt + neurons
        layer.weights.withUnsafeBufferPointer { tape.indices(ofParameters: $0, into: tape.operands + weightsAt) }
        layer.biases.withUnsafeBufferPointer { tape.indices(ofParameters: $0, into: tape.operands + biasesAt) }
        // Each lookup either appends one node or returns an existing one, so if every lookup
        // appended, the weights and then the biases are consecutive fresh nodes.
        let fresh = tape.count == before + weights + neurons
        firstWeight = fresh && weights > 0 ? Int32(before) : -1
        firstBias = fresh && neurons > 0 ? Int32(before + weights) : -1

        lanes = DenseKernel.lanes(neurons: neurons)
        if capacity < lanes * (fanIn + 1) {
            columns.deallocate()
            capacity = lanes * (fanIn + 1)
            columns = .allocate(capacity: capacity)
        }
        columns.initialize(repeating: 0, count: lanes * (fanIn + 1))
        let data = tape.data, weightNodes = tape.operands + weightsAt, biasNodes = tape.operands + biasesAt
        for j in 0..<neurons {
            for k in 0..<fanIn {
                columns[k * lanes + j] = data[Int(weightNodes[j * fanIn + k])]
            }
            columns[fanIn * lanes + j] = data[Int(biasNodes[j])]
        }
    }
}

extension Tape {
    /// `index(of: values[k])` for every `k`, written to `indices`, for the parameters of a
    /// layer this tape keeps alive (`fastPath.heldLayers`), with room reserved for their nodes and
    /// leaves: a leaf used for the first time is recorded without a reference of its own.
    func indices(ofParameters values: UnsafeBufferPointer<Value>, into indices: UnsafeMutablePointer<Int32>) {
        assert(
            count + values.count <= capacity && leafCount + values.count <= leafCapacity,
            "indices(ofParameters:): room for every parameter's node and leaf is reserved")
        // Local copies: the stores below cannot change them, and nothing below grows the tape.
        let nodes = NodeColumns(of: self), leaves = self.leaves, leafStates = self.leafStates, stamp = self.stamp
        var count = self.count, leafCount = self.leafCount
        for k in values.indices {
            let value = values[k]
            if value.index >= 0 {
                indices[k] = index(of: value)
                continue
            }
            let leaf = Unmanaged.passUnretained(unsafeDowncast(value.owner, to: Leaf.self))
            let state = leaf.borrowed { $0.state }
            if state.pointee.tapeStamp == stamp {
                indices[k] = state.pointee.tapeIndex
                continue
            }
            let node = Int32(truncatingIfNeeded: count)
            nodes.set(count, .leaf, state.pointee.data, Int32(truncatingIfNeeded: leafCount), 0)
            leaves[leafCount] = leaf
            leafStates[leafCount] = state
            state.pointee.tapeStamp = stamp
            state.pointee.tapeIndex = node
            indices[k] = node
            count += 1
            leafCount += 1
        }
        nodes.assertValid(for: self)
        assert(leaves == self.leaves && leafStates == self.leafStates, "the tape's leaf buffers moved")
        self.count = count
        self.leafCount = leafCount
    }
}
