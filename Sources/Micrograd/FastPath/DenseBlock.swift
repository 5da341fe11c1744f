/// One dense layer applied to one sample, whose backward pass runs a layer at a time.
///
/// Its nodes are consecutive on the tape: the neurons' weighted sums, then their activations
/// (if any). Sweeping them one by one in reverse creation order hands each sum its
/// activation's gradient `g_j`, then, neuron by neuron from the last to the first, `g_j * x_k`
/// to weight `w_jk`, `g_j * w_jk` to input `x_k` and `g_j` to the bias. A block is recorded
/// only when the layer's weights and biases are consecutive nodes of their own and the inputs
/// are increasing (so distinct) nodes that are not among them: then each weight and bias gets
/// exactly one of those gradients and input `x_k` gets its gradients in neuron order, so
/// running over each neuron's row of weights computes the very same sums, in the same order,
/// over contiguous memory.
@usableFromInline
struct DenseBlock {
    /// The first neuron's weighted-sum node and the block's last node.
    @usableFromInline let first: Int32
    @usableFromInline let last: Int32
    @usableFromInline let neurons: Int32
    /// The sums' header in the tape's `operands` (see `WeightedSumOperands`).
    @usableFromInline let header: Int32
    /// The nodes of the first weight (the rest follow, neuron after neuron) and first bias.
    @usableFromInline let firstWeight: Int32
    @usableFromInline let firstBias: Int32
    /// ``Op/relu``, ``Op/tanh``, or nil when the weighted sums are the outputs.
    @usableFromInline let activation: Op?
}

/// The dense blocks a backward sweep meets, from the last one that starts at or before its
/// root down to the first.
struct DenseBlockCursor {
    /// The next block's index in `FastPath.blocks`, or -1 when there is none.
    var next: Int
    /// The next block's last node, or -1: the sweep hands the block over on reaching it.
    var lastNode: Int

    init(_ next: Int, in blocks: [DenseBlock]) {
        self.next = next
        lastNode = next >= 0 ? Int(blocks[next].last) : -1
    }
}

extension FastPath {
    /// The blocks a sweep from node `root` meets.
    func blocks(reachedFrom root: Int) -> DenseBlockCursor {
        DenseBlockCursor(blocks.lastIndex { Int($0.first) <= root } ?? -1, in: blocks)
    }

    /// The last node a sweep from `root` gives a gradient: `root`, or the last node of a block
    /// containing it (a block is swept whole).
    func lastNodeSwept(from root: Int) -> Int {
        Swift.max(root, blocks.last { Int($0.first) <= root }.map { Int($0.last) } ?? root)
    }
}

extension Tape {
    /// Sweeps the cursor's next block, moves the cursor on, and returns the block's first node.
    func sweepBlock(_ cursor: inout DenseBlockCursor) -> Int {
        let block = fastPath.blocks[cursor.next]
        sweep(block)
        cursor = DenseBlockCursor(cursor.next - 1, in: fastPath.blocks)
        return Int(block.first)
    }

    /// Runs the backward pass over `block`'s nodes (see ``DenseBlock``).
    func sweep(_ block: DenseBlock) {
        let data = self.data, grad = self.grad, hasGrad = self.hasGrad
        let neurons = Int(block.neurons), sums = Int(block.first)
        let n = Int(operands[Int(block.header)])
        let inputs = operands + Int(operands[Int(block.header) + 3])
        // The activations: each sends its gradient to its own sum only.
        var allReached = false
        if let activation = block.activation {
            let activations = sums + neurons
            let sumGrad = grad + sums, activationGrad = grad + activations, y = data + activations
            if activation == .relu && Tape.allSet(hasGrad + activations, count: neurons) {
                Tape.addReluBackward(activationGrad, y, to: sumGrad, count: neurons)
                (hasGrad + sums).update(repeating: true, count: neurons)
                allReached = true
            } else {
                for j in stride(from: neurons - 1, through: 0, by: -1) where hasGrad[activations + j] {
                    sumGrad[j] +=
                        activation == .relu
                        ? TorchKernels.reluBackward(activationGrad[j], y[j]) : TorchKernels.tanhBackward(activationGrad[j], y[j])
                    hasGrad[sums + j] = true
                }
            }
        }
        allReached = allReached || Tape.allSet(hasGrad + sums, count: neurons)
        guard allReached || (0..<neurons).contains(where: { hasGrad[sums + $0] }) else { return }
        // The inputs' values and gradients: in place when the inputs are consecutive nodes (the
        // previous layer's outputs), else gathered here and scattered back at the end.
        let x: UnsafePointer<Double>, xGrad: UnsafeMutablePointer<Double>
        let firstInput = Tape.firstOfConsecutive(inputs, count: n)
        if let firstInput {
            x = UnsafePointer(data + firstInput)
            xGrad = grad + firstInput
        } else {
            let gathered = fastPath.scratch(count: 2 * n)
            for k in 0..<n {
                gathered[k] = data[Int(inputs[k])]
                gathered[n + k] = grad[Int(inputs[k])]
            }
            x = UnsafePointer(gathered)
            xGrad = gathered + n
        }
        // The sums, last neuron first: `g_j` to the bias, `g_j * x_k` to each weight of the
        // row, `g_j * w_jk` to each input.
        let weights = Int(block.firstWeight), biases = Int(block.firstBias)
        if allReached {
            let sumGrad = grad + sums, biasGrad = grad + biases
            Tape.add(sumGrad, to: biasGrad, count: neurons)
            Tape.flowRows(
                sumGrad, neurons: neurons, weights: data + weights, inputs: x,
                weightGrads: grad + weights, inputGrads: xGrad, fanIn: n)
            // The biases' nodes follow the weights' (see `ParameterNodes`).
            assert(biases == weights + neurons * n, "a dense block's biases follow its weights")
            (hasGrad + weights).update(repeating: true, count: neurons * n + neurons)
        } else {
            for j in stride(from: neurons - 1, through: 0, by: -1) where hasGrad[sums + j] {
                grad[biases + j] += grad[sums + j]
                hasGrad[biases + j] = true
                Tape.flowRow(
                    grad[sums + j], weights: data + weights + j * n, inputs: x,
                    weightGrads: grad + weights + j * n, inputGrads: xGrad, count: n)
                (hasGrad + weights + j * n).update(repeating: true, count: n)
            }
        }
        if let firstInput {
            (hasGrad + firstInput).update(repeating: true, count: n)
        } else {
            for k in 0..<n {
                grad[Int(inputs[k])] = xGrad[k]
                hasGrad[Int(inputs[k])] = true
            }
        }
    }

    /// `sums[j] += TorchKernels.reluBackward(g[j], y[j])` for every `j < count`, two at a time.
    @inline(__always)
    static func addReluBackward(
        _ g: UnsafePointer<Double>, _ y: UnsafePointer<Double>, to sums: UnsafeMutablePointer<Double>, count: Int
    ) {
        var j = 0
        while j + 2 <= count {
            let gj = UnsafeRawPointer(g + j).loadUnaligned(as: SIMD2<Double>.self)
            let yj = UnsafeRawPointer(y + j).loadUnaligned(as: SIMD2<Double>.self)
            let sum = UnsafeMutableRawPointer(sums + j)
            let total = sum.loadUnaligned(as: SIMD2<Double>.self) + gj.replacing(with: 0, where: yj .<= 0)
            sum.storeBytes(of: total, as: SIMD2<Double>.self)
            j += 2
        }
        if j < count { sums[j] += TorchKernels.reluBackward(g[j], y[j]) }
    }

    /// `targets[j] += sources[j]` for every `j < count`, two at a time.
    @inline(__always)
    static func add(_ sources: UnsafePointer<Double>, to targets: UnsafeMutablePointer<Double>, count: Int) {
        var j = 0
        while j + 2 <= count {
            let target = UnsafeMutableRawPointer(targets + j)
            let source = UnsafeRawPointer(sources + j).loadUnaligned(as: SIMD2<Double>.self)
            target.storeBytes(of: target.loadUnaligned(as: SIMD2<Double>.self) + source, as: SIMD2<Double>.self)
            j += 2
        }
        if j < count { targets[j] += sources[j] }
    }

    /// Whether `flags[0..<count]` are all true, checked eight at a time.
    @inline(__always)
    static func allSet(_ flags: UnsafePointer<Bool>, count: Int) -> Bool {
        let allTrue = UInt64(0x0101_0101_0101_0101) // Eight `true`s, one byte each.
        var k = 0
        while k + 8 <= count {
            guard UnsafeRawPointer(flags + k).loadUnaligned(as: UInt64.self) == allTrue else { return false }
            k += 8
        }
        while k < count {
            guard flags[k] else { return false }
            k += 1
        }
        return true
    }

    /// `nodes[0]` when the increasing nodes `nodes[0..<count]` are consecutive ones,
    /// `nodes[0], nodes[0] + 1, ...`; nil otherwise or when there are none.
    @inline(__always)
    static func firstOfConsecutive(_ nodes: UnsafePointer<Int32>, count: Int) -> Int? {
        guard count > 0, Int(nodes[count - 1]) - Int(nodes[0]) == count - 1 else { return nil }
        assert((1..<count).allSatisfy { nodes[$0] > nodes[$0 - 1] }, "a dense block's inputs are increasing")
        return Int(nodes[0])
    }

    /// For every neuron `j` (at least one) from the last to the first and every input `k`:
    /// `weightGrads[j][k] += g[j] * inputs[k]` and `inputGrads[k] += g[j] * weights[j][k]`.
    ///
    /// It runs over a few inputs at a time (one SIMD lane each), keeping their gradients in
    /// registers while it goes through the neurons, so each lane adds its terms in the same
    /// order, rounding exactly as those scalar statements do. A single neuron is one row.
    @inline(__always)
    static func flowRows(
        _ g: UnsafePointer<Double>, neurons: Int, weights: UnsafePointer<Double>, inputs: UnsafePointer<Double>,
        weightGrads: UnsafeMutablePointer<Double>, inputGrads: UnsafeMutablePointer<Double>, fanIn n: Int
    ) {
        assert(neurons > 0, "a dense block has neurons")
        if neurons == 1 {
            flowRow(g[0], weights: weights, inputs: inputs, weightGrads: weightGrads, inputGrads: inputGrads, count: n)
            return
        }
        var k = 0
        while k + 8 <= n {
            flowColumns(SIMD8<Double>.self, g, neurons, weights + k, inputs + k, weightGrads + k, inputGrads + k, n)
            k += 8
        }
        if k + 4 <= n {
            flowColumns(SIMD4<Double>.self, g, neurons, weights + k, inputs + k, weightGrads + k, inputGrads + k, n)
            k += 4
        }
        if k + 2 <= n {
            flowColumns(SIMD2<Double>.self, g, neurons, weights + k, inputs + k, weightGrads + k, inputGrads + k, n)
            k += 2
        }
        if k < n {
            var inputGrad = inputGrads[k]
            for j in stride(from: neurons - 1, through: 0, by: -1) {
                weightGrads[j * n + k] += g[j] * inputs[k]
                inputGrad += g[j] * weights[j * n + k]
            }
            inputGrads[k] = inputGrad
        }
    }

    /// `flowRows` for the `Lanes.scalarCount` inputs starting at `inputs`, whose weights are
    /// `weights[j * rowLength ...]`.
    @inline(__always)
    static func flowColumns<Lanes: SIMD>(
        _: Lanes.Type, _ g: UnsafePointer<Double>, _ neurons: Int, _ weights: UnsafePointer<Double>,
        _ inputs: UnsafePointer<Double>, _ weightGrads: UnsafeMutablePointer<Double>,
        _ inputGrads: UnsafeMutablePointer<Double>, _ rowLength: Int
    ) where Lanes.Scalar == Double {
        let x = UnsafeRawPointer(inputs).loadUnaligned(as: Lanes.self)
        var xGrad = UnsafeRawPointer(inputGrads).loadUnaligned(as: Lanes.self)
        // Row `j` of the weights and of their gradients, stepping back a row at a time from the
        // last neuron's.
        var j = neurons &- 1
        var w = UnsafeRawPointer(weights + j &* rowLength)
        var wGrad = UnsafeMutableRawPointer(weightGrads + j &* rowLength)
        let rowBytes = rowLength &* MemoryLayout<Double>.stride
        repeat {
            let gj = Lanes(repeating: g[j])
            xGrad = xGrad + gj * w.loadUnaligned(as: Lanes.self)
            wGrad.storeBytes(of: wGrad.loadUnaligned(as: Lanes.self) + gj * x, as: Lanes.self)
            j &-= 1
            w -= rowBytes
            wGrad -= rowBytes
        } while j >= 0
        UnsafeMutableRawPointer(inputGrads).storeBytes(of: xGrad, as: Lanes.self)
    }

    /// `weightGrads[k] += g * inputs[k]` and `inputGrads[k] += g * weights[k]` for every `k`,
    /// several `k` at once: each lane rounds exactly as those scalar statements do.
    @inline(__always)
    static func flowRow(
        _ g: Double, weights: UnsafePointer<Double>, inputs: UnsafePointer<Double>,
        weightGrads: UnsafeMutablePointer<Double>, inputGrads: UnsafeMutablePointer<Double>, count n: Int
    ) {
        var k = 0
        while k + 4 <= n {
            flowLanes(SIMD4<Double>.self, g, weights + k, inputs + k, weightGrads + k, inputGrads + k)
            k += 4
        }
        if k + 2 <= n {
            flowLanes(SIMD2<Double>.self, g, weights + k, inputs + k, weightGrads + k, inputGrads + k)
            k += 2
        }
        if k < n {
            weightGrads[k] += g * inputs[k]
            inputGrads[k] += g * weights[k]
        }
    }

    @inline(__always)
    static func flowLanes<Lanes: SIMD>(
        _: Lanes.Type, _ g: Double, _ weights: UnsafePointer<Double>, _ inputs: UnsafePointer<Double>,
        _ weightGrads: UnsafeMutablePointer<Double>, _ inputGrads: UnsafeMutablePointer<Double>
    ) where Lanes.Scalar == Double {
        let w = UnsafeRawPointer(weights).loadUnaligned(as: Lanes.self)
        let x = UnsafeRawPointer(inputs).loadUnaligned(as: Lanes.self)
        let wGrad = UnsafeMutableRawPointer(weightGrads), xGrad = UnsafeMutableRawPointer(inputGrads)
        let gs = Lanes(repeating: g)
        wGrad.storeBytes(of: wGrad.loadUnaligned(as: Lanes.self) + gs * x, as: Lanes.self)
        xGrad.storeBytes(of: xGrad.loadUnaligned(as: Lanes.self) + gs * w, as: Lanes.self)
    }
}
