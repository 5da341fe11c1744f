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
        tape.backward(from: Int(index))
    }
}

extension Tape {
    /// Adds `g` to the gradient flowing into node `i` during this pass. The first contribution
    /// is stored as it is (torch's `InputBuffer`), so even a `-0.0` keeps its sign.
    @inlinable @inline(__always)
    func flow(_ g: Double, into i: Int32) {
        let i = Int(i)
        let f = flags[i]
        if f & Tape.reached != 0 {
            pending[i] += g
        } else {
            pending[i] = g
            flags[i] = f | Tape.reached
        }
    }

    /// Runs the backward pass from node `root`.
    @usableFromInline func backward(from root: Int) {
        refreshLeafData()
        pending[root] = 1
        flags[root] |= Tape.reached
        var i = root
        while i >= 0 {
            defer { i -= 1 }
            let f = flags[i]
            if f & Tape.reached == 0 { continue }
            let g = pending[i]
            let op = ops[i]
            if op == .leaf {
                flags[i] = f & ~Tape.reached
                leaf(at: i).accumulate(g)
                continue
            }
            grad[i] = f & Tape.hasGrad != 0 ? grad[i] + g : g
            flags[i] = (f & ~Tape.reached) | Tape.hasGrad
            let a = lhs[i], b = rhs[i]
            switch op {
            case .leaf, .constant:
                break
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
            }
        }
    }
}
