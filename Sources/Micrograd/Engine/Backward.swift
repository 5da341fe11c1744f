/// Reverse-mode differentiation: one sweep backwards over the tape.
extension Value {
    /// Computes d(self)/d(node) for every node this value depends on and adds it to their
    /// ``grad``, seeding `self` with 1, as micrograd's and torch's `backward()` do.
    ///
    /// Nodes are visited in reverse creation order, without recursion, so arbitrarily deep
    /// graphs work. Calling it twice adds the gradients twice (torch with `retain_graph=True`).
    public func backward() {
        if isLeaf {
            leaf.accumulate(1)
            return
        }
        let tape = self.tape, root = Int(index)
        tape.withLock { tape.backward(from: root) }
    }
}

extension Tape {
    /// Runs a backward pass from node `root`, adding to the gradients of earlier passes.
    @usableFromInline func backward(from root: Int) {
        guard hasGradients else {
            sweep(from: root)
            hasGradients = true
            return
        }
        // Gradients of an earlier pass (or set by hand) stay in their columns, set aside, while
        // this pass sums its own contributions in fresh ones; then each node reached adds its
        // sum to its earlier gradient: torch's `grad += new_grad`. The sweep reaches nodes up
        // to `root`, or to the end of a dense block that contains it.
        let earlierGrad = grad, earlierHasGrad = hasGrad
        let block = blocks.last { Int($0.first) <= root }
        let nodes = Swift.max(root, block.map { Int($0.last) } ?? root) + 1
        grad = .allocate(capacity: nodes)
        hasGrad = .allocate(capacity: nodes)
        grad.initialize(repeating: -0.0, count: nodes)
        hasGrad.initialize(repeating: false, count: nodes)
        sweep(from: root)
        for i in 0..<nodes where hasGrad[i] {
            earlierGrad[i] = earlierHasGrad[i] ? earlierGrad[i] + grad[i] : grad[i]
            earlierHasGrad[i] = true
        }
        grad.deallocate()
        hasGrad.deallocate()
        grad = earlierGrad
        hasGrad = earlierHasGrad
    }

    /// Propagates gradients from `root` down to node 0, each node once, in reverse creation
    /// order: when a node is visited, every node that uses it has already sent its gradient.
    @usableFromInline func sweep(from root: Int) {
        // Local copies of the buffers: stores through them cannot change them, so the compiler
        // keeps them in registers instead of reloading the tape's fields after every store.
        let data = self.data, grad = self.grad, hasGrad = self.hasGrad
        let ops = self.ops, lhs = self.lhs, rhs = self.rhs, operands = self.operands
        // Adds `g` to the gradient flowing into node `i`. Gradients start at -0.0, so the first
        // contribution is stored exactly (torch's `InputBuffer`), later ones are added in order.
        @inline(__always) func flow(_ g: Double, into i: Int32) {
            grad[Int(i)] += g
            hasGrad[Int(i)] = true
        }
        flow(1, into: Int32(root))
        // Dense blocks (see `DenseBlock`) run as a whole when the sweep reaches them.
        var block = blocks.count - 1
        while block >= 0 && Int(blocks[block].first) > root { block -= 1 }
        var blockLast = block >= 0 ? Int(blocks[block].last) : -1
        var i = root
        while i >= 0 {
            if i <= blockLast {
                sweep(blocks[block])
                i = Int(blocks[block].first) - 1
                block -= 1
                blockLast = block >= 0 ? Int(blocks[block].last) : -1
                continue
            }
            defer { i -= 1 }
            if !hasGrad[i] { continue }
            let g = grad[i]
            let a = lhs[i], b = rhs[i]
            switch ops[i] {
            case .constant:
                break
            case .leaf:
                leafStates[Int(a)].pointee.accumulate(g)
            case .add:
                flow(g, into: a)
                flow(g, into: b)
            case .sub:
                flow(g, into: a)
                flow(-g, into: b)
            case .mul:
                flow(g * data[Int(b)], into: a)
                flow(g * data[Int(a)], into: b)
            case .div:
                let x = data[Int(a)], y = data[Int(b)]
                flow(g / y, into: a)
                flow(TorchKernels.divisorBackward(g, x, y), into: b)
            case .rdiv:
                flow(TorchKernels.rdivBackward(g, data[Int(a)], data[Int(b)]), into: a)
            case .pow:
                flow(TorchKernels.powBackward(g, data[Int(a)], data[Int(b)]), into: a)
            case .neg:
                flow(-g, into: a)
            case .exp:
                flow(g * data[i], into: a)
            case .log:
                flow(g / data[Int(a)], into: a)
            case .tanh:
                flow(TorchKernels.tanhBackward(g, data[i]), into: a)
            case .relu:
                flow(TorchKernels.reluBackward(g, data[i]), into: a)
            case .sigmoid:
                flow(TorchKernels.sigmoidBackward(g, data[i]), into: a)
            case .weightedSum:
                // The unfused chain `add(...add(add(b, mul(w0, x0)), mul(w1, x1))...)` passes
                // `g` unchanged to every node and delivers, in reverse creation order:
                // `w_{n-1}, x_{n-1}, ..., w_1, x_1`, then `b` (from the first add), then `w_0, x_0`.
                let terms = WeightedSumOperands(header: a, neuron: b, in: operands)
                var k = terms.count - 1
                while k >= 0 {
                    let w = terms.weights[k], x = terms.inputs[k]
                    if k == 0 { flow(g, into: terms.bias) }
                    flow(g * data[Int(x)], into: w)
                    flow(g * data[Int(w)], into: x)
                    k -= 1
                }
                if terms.count == 0 { flow(g, into: terms.bias) }
            }
        }
    }
}
