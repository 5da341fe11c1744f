/// One dense layer applied to one sample, whose backward pass runs a layer at a time.
///
/// Its nodes are consecutive on the tape: the neurons' weighted sums, then their activations
/// (if any). Sweeping them one by one in reverse creation order hands each sum its
/// activation's gradient `g_j`, then, neuron by neuron from the last to the first, `g_j * x_k`
/// to weight `w_jk`, `g_j * w_jk` to input `x_k` and `g_j` to the bias. A block is recorded
/// only when the layer's weights and biases are consecutive nodes of their own and the inputs
/// are distinct nodes that are not among them: then each weight and bias gets exactly one of
/// those gradients and input `x_k` gets its gradients in neuron order, so running over each
/// neuron's row of weights computes the very same sums, in the same order, over contiguous
/// memory.
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

extension Tape {
    /// Runs the backward pass over `block`'s nodes (see ``DenseBlock``).
    @usableFromInline func sweep(_ block: DenseBlock) {
        let data = self.data, grad = self.grad, hasGrad = self.hasGrad
        let neurons = Int(block.neurons), sums = Int(block.first)
        let n = Int(operands[Int(block.header)])
        let inputs = operands + Int(operands[Int(block.header) + 3])
        // The activations: each sends its gradient to its own sum only.
        if let activation = block.activation {
            let activations = sums + neurons
            let sumGrad = grad + sums, activationGrad = grad + activations, y = data + activations
            if activation == .relu && (0..<neurons).allSatisfy({ hasGrad[activations + $0] }) {
                for j in 0..<neurons { sumGrad[j] += TorchKernels.reluBackward(activationGrad[j], y[j]) }
                (hasGrad + sums).update(repeating: true, count: neurons)
            } else {
                for j in stride(from: neurons - 1, through: 0, by: -1) where hasGrad[activations + j] {
                    sumGrad[j] += activation == .relu
                        ? TorchKernels.reluBackward(activationGrad[j], y[j]) : TorchKernels.tanhBackward(activationGrad[j], y[j])
                    hasGrad[sums + j] = true
                }
            }
        }
        var reached = 0
        for j in 0..<neurons where hasGrad[sums + j] { reached += 1 }
        guard reached > 0 else { return }
        // The sums, last neuron first: `g_j` to the bias, `g_j * x_k` to each weight of the
        // row, `g_j * w_jk` to each input.
        let x = scratch(count: 2 * n), xGrad = x + n
        for k in 0..<n {
            x[k] = data[Int(inputs[k])]
            xGrad[k] = grad[Int(inputs[k])]
        }
        let weights = Int(block.firstWeight), biases = Int(block.firstBias)
        if reached == neurons {
            let sumGrad = grad + sums, biasGrad = grad + biases
            for j in 0..<neurons { biasGrad[j] += sumGrad[j] }
            (hasGrad + biases).update(repeating: true, count: neurons)
            Tape.flowRows(sumGrad, neurons: neurons, weights: data + weights, inputs: x,
                          weightGrads: grad + weights, inputGrads: xGrad, fanIn: n)
            (hasGrad + weights).update(repeating: true, count: neurons * n)
        } else {
            for j in stride(from: neurons - 1, through: 0, by: -1) where hasGrad[sums + j] {
                grad[biases + j] += grad[sums + j]
                hasGrad[biases + j] = true
                Tape.flowRow(grad[sums + j], weights: data + weights + j * n, inputs: x,
                             weightGrads: grad + weights + j * n, inputGrads: xGrad, count: n)
                (hasGrad + weights + j * n).update(repeating: true, count: n)
            }
        }
        for k in 0..<n {
            grad[Int(inputs[k])] = xGrad[k]
            hasGrad[Int(inputs[k])] = true
        }
    }

    /// For every neuron `j` from the last to the first and every input `k`:
    /// `weightGrads[j][k] += g[j] * inputs[k]` and `inputGrads[k] += g[j] * weights[j][k]`.
    ///
    /// It runs over a few inputs at a time (one SIMD lane each), keeping their gradients in
    /// registers while it goes through the neurons, so each lane adds its terms in the same
    /// order, rounding exactly as those scalar statements do.
    @inline(__always)
    static func flowRows(
        _ g: UnsafePointer<Double>, neurons: Int, weights: UnsafePointer<Double>, inputs: UnsafePointer<Double>,
        weightGrads: UnsafeMutablePointer<Double>, inputGrads: UnsafeMutablePointer<Double>, fanIn n: Int
    ) {
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
        let stride = rowLength * MemoryLayout<Double>.stride
        let w = UnsafeRawPointer(weights), wGrad = UnsafeMutableRawPointer(weightGrads)
        let x = UnsafeRawPointer(inputs).loadUnaligned(as: Lanes.self)
        var xGrad = UnsafeRawPointer(inputGrads).loadUnaligned(as: Lanes.self)
        var j = neurons - 1
        while j >= 0 {
            let gj = Lanes(repeating: g[j]), row = j * stride
            xGrad = xGrad + gj * w.loadUnaligned(fromByteOffset: row, as: Lanes.self)
            wGrad.storeBytes(of: wGrad.loadUnaligned(fromByteOffset: row, as: Lanes.self) + gj * x, toByteOffset: row, as: Lanes.self)
            j -= 1
        }
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
