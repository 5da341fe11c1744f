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
    func backward(from root: Int) {
        guard hasGradients else {
            sweep(from: root)
            hasGradients = true
            return
        }
        // Gradients of an earlier pass (or set by hand) stay in their columns, set aside, while
        // this pass sums its own contributions in fresh ones; then each node reached adds its
        // sum to its earlier gradient: torch's `grad += new_grad`.
        let earlierGrad = grad, earlierHasGrad = hasGrad
        let nodes = fastPath.lastNodeSwept(from: root) + 1
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
    /// order (the tape's order is a topological one): when a node is visited, every node that
    /// uses it has already sent its gradient.
    func sweep(from root: Int) {
        // Local copies of the buffers: stores through them cannot change them, so the compiler
        // keeps them in registers instead of reloading the tape's fields after every store.
        let nodes = NodeColumns(of: self), operands = self.operands, leafStates = self.leafStates
        nodes.flow(1, into: Int32(root))
        var blocks = fastPath.blocks(reachedFrom: root)
        var i = root
        while i >= 0 {
            if i <= blocks.lastNode {
                // The fast path: a fused layer's nodes, swept a layer at a time (`DenseBlock`).
                i = sweepBlock(&blocks) - 1
                continue
            }
            if nodes.hasGrad[i] { chainRule(node: i, nodes, operands, leafStates) }
            i -= 1
        }
        nodes.assertValid(for: self)
        assert(operands == self.operands && leafStates == self.leafStates, "the tape's operand or leaf buffers moved")
    }

    /// Sends node `i`'s gradient to its operands: each operation's chain rule, rounded as
    /// torch's `derivatives.yaml` formulas round (see `TorchKernels`).
    @inline(__always)
    func chainRule(
        node i: Int, _ nodes: NodeColumns, _ operands: UnsafeMutablePointer<Int32>,
        _ leafStates: UnsafeMutablePointer<UnsafeMutablePointer<Leaf.State>>
    ) {
        let g = nodes.grad[i], data = nodes.data
        let a = nodes.lhs[i], b = nodes.rhs[i]
        switch nodes.ops[i] {
        case .constant:
            break
        case .leaf:
            leafStates[Int(a)].pointee.accumulate(g)
        case .add:
            nodes.flow(g, into: a)
            nodes.flow(g, into: b)
        case .sub:
            nodes.flow(g, into: a)
            nodes.flow(-g, into: b)
        case .mul:
            nodes.flow(g * data[Int(b)], into: a)
            nodes.flow(g * data[Int(a)], into: b)
        case .div:
            let x = data[Int(a)], y = data[Int(b)]
            nodes.flow(g / y, into: a)
            nodes.flow(TorchKernels.divisorBackward(g, x, y), into: b)
        case .rdiv:
            nodes.flow(TorchKernels.rdivBackward(g, data[Int(a)], data[Int(b)]), into: a)
        case .pow:
            nodes.flow(TorchKernels.powBackward(g, data[Int(a)], data[Int(b)]), into: a)
        case .neg:
            nodes.flow(-g, into: a)
        case .exp:
            nodes.flow(g * data[i], into: a)
        case .log:
            nodes.flow(g / data[Int(a)], into: a)
        case .tanh:
            nodes.flow(TorchKernels.tanhBackward(g, data[i]), into: a)
        case .relu:
            nodes.flow(TorchKernels.reluBackward(g, data[i]), into: a)
        case .sigmoid:
            nodes.flow(TorchKernels.sigmoidBackward(g, data[i]), into: a)
        case .weightedSum:
            // The unfused chain `add(...add(add(b, mul(w0, x0)), mul(w1, x1))...)` passes
            // `g` unchanged to every node and delivers, in reverse creation order:
            // `w_{n-1}, x_{n-1}, ..., w_1, x_1`, then `b` (from the first add), then `w_0, x_0`.
            let terms = WeightedSumOperands(header: a, neuron: b, in: operands)
            var k = terms.count - 1
            while k >= 0 {
                let w = terms.weights[k], x = terms.inputs[k]
                if k == 0 { nodes.flow(g, into: terms.bias) }
                nodes.flow(g * data[Int(x)], into: w)
                nodes.flow(g * data[Int(w)], into: x)
                k -= 1
            }
            if terms.count == 0 { nodes.flow(g, into: terms.bias) }
        }
    }
}
