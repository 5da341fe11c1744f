/// One dense layer applied to one sample, whose backward pass runs a layer at a time.
///
/// Its nodes are consecutive on the tape: for each neuron `j`, its weighted sum and then its
/// activation (if any). Sweeping them one by one in reverse creation order hands, neuron by
/// neuron from the last to the first, `g_j * x_k` to weight `w_jk`, `g_j * w_jk` to input
/// `x_k` and `g_j` to the bias. A block is recorded only when the layer's weights and biases
/// are consecutive nodes of their own and the inputs are distinct nodes that are not among
/// them: then each weight and bias gets exactly one of those gradients and input `x_k` gets
/// its gradients in neuron order, so running over each neuron's row of weights computes the
/// very same sums, in the same order, over contiguous memory.
@usableFromInline
struct DenseBlock {
    /// The first neuron's weighted-sum node and the block's last node.
    @usableFromInline let first: Int32
    @usableFromInline let last: Int32
    @usableFromInline let neurons: Int32
    @usableFromInline let fanIn: Int32
    /// Where the input node indices start in the tape's `operands`.
    @usableFromInline let inputsAt: Int32
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
        let n = Int(block.fanIn)
        let inputs = operands + Int(block.inputsAt)
        let x = scratch(count: 2 * n), xGrad = x + n
        for k in 0..<n {
            x[k] = data[Int(inputs[k])]
            xGrad[k] = grad[Int(inputs[k])]
        }
        let nodesPerNeuron = block.activation == nil ? 1 : 2
        var reached = false
        var j = Int(block.neurons) - 1
        while j >= 0 {
            let sum = Int(block.first) + j * nodesPerNeuron
            if let activation = block.activation, hasGrad[sum + 1] {
                let g = grad[sum + 1], y = data[sum + 1]
                grad[sum] += activation == .relu ? TorchKernels.reluBackward(g, y) : TorchKernels.tanhBackward(g, y)
                hasGrad[sum] = true
            }
            if hasGrad[sum] {
                let g = grad[sum]
                reached = true
                let bias = Int(block.firstBias) + j
                grad[bias] += g
                hasGrad[bias] = true
                let row = Int(block.firstWeight) + j * n
                Tape.flowRow(g, weights: data + row, inputs: x, weightGrads: grad + row, inputGrads: xGrad, count: n)
                (hasGrad + row).update(repeating: true, count: n)
            }
            j -= 1
        }
        guard reached else { return }
        for k in 0..<n {
            grad[Int(inputs[k])] = xGrad[k]
            hasGrad[Int(inputs[k])] = true
        }
    }

    /// `weightGrads[k] += g * inputs[k]` and `inputGrads[k] += g * weights[k]` for every `k`,
    /// several `k` at once: each lane rounds exactly as the scalar statements do.
    @inline(__always)
    static func flowRow(
        _ g: Double, weights: UnsafePointer<Double>, inputs: UnsafePointer<Double>,
        weightGrads: UnsafeMutablePointer<Double>, inputGrads: UnsafeMutablePointer<Double>, count n: Int
    ) {
        typealias Lanes = SIMD4<Double>
        let stride = MemoryLayout<Lanes>.stride
        let w = UnsafeRawPointer(weights), x = UnsafeRawPointer(inputs)
        let wGrad = UnsafeMutableRawPointer(weightGrads), xGrad = UnsafeMutableRawPointer(inputGrads)
        let gs = Lanes(repeating: g)
        var k = 0, offset = 0
        while k + Lanes.scalarCount <= n {
            let wk = w.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            let xk = x.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            wGrad.storeBytes(of: wGrad.loadUnaligned(fromByteOffset: offset, as: Lanes.self) + gs * xk, toByteOffset: offset, as: Lanes.self)
            xGrad.storeBytes(of: xGrad.loadUnaligned(fromByteOffset: offset, as: Lanes.self) + gs * wk, toByteOffset: offset, as: Lanes.self)
            k += Lanes.scalarCount
            offset += stride
        }
        while k < n {
            weightGrads[k] += g * inputs[k]
            inputGrads[k] += g * weights[k]
            k += 1
        }
    }
}
