import Testing
@testable import Micrograd

/// How gradients accumulate through shared nodes, repeated passes and zeroing.
struct GraphStructureTests {
    @Test func reusedNodeAccumulates() {
        let a = Value(3.0)
        let b = a + a
        let c = b + b
        c.backward()
        #expect(c.data == 12)
        #expect(b.grad == 2)
        #expect(a.grad == 4)
    }

    @Test func diamondSumsBothPaths() {
        let x = Value(2.0)
        let left = x * 3.0
        let right = x.pow(2)
        let top = left * right
        top.backward()
        // d(3x · x²)/dx = 9x² = 36
        #expect(top.data == 24)
        #expect(x.grad == 36)
        #expect(left.grad == 4)
        #expect(right.grad == 6)
    }

    @Test func backwardTwiceAddsTheGradientAgain() {
        let x = Value(1.5)
        let y = (x * x).tanh() + x
        y.backward()
        let once = x.grad
        let onceY = y.grad
        y.backward()
        #expect(x.grad == once + once)
        #expect(y.grad == onceY + onceY)
    }

    /// torch starts every gradient at `None` and stores the first contribution as it is, so a
    /// `-0.0` gradient keeps its sign; `0 + (-0.0)` would lose it.
    @Test func zeroGradForgetsAndNextPassStoresExactly() {
        let x = Value(-0.5)
        (x * -0.0).backward()
        #expect(x.grad.bitPattern == (-0.0).bitPattern)
        (x * -0.0).backward()
        #expect(x.grad.bitPattern == (-0.0).bitPattern)
        (x * 0.0).backward()
        #expect(x.grad.bitPattern == (0.0).bitPattern)
        x.zeroGrad()
        #expect(x.grad == 0)
        (x * -0.0).backward()
        #expect(x.grad.bitPattern == (-0.0).bitPattern)
    }

    @Test func unreachedNodesKeepNoGradient() {
        let a = Value(2.0), b = Value(5.0)
        let used = a * 2.0
        let unused = b * 3.0
        used.backward()
        #expect(a.grad == 2)
        #expect(b.grad == 0)
        #expect(unused.grad == 0)
    }

    @Test func setDataAfterForwardIsSeenByTheNextGraph() {
        let w = Value(1.0)
        let first = w * 2.0
        w.data = 3.0
        let second = w * 2.0
        #expect(first.data == 2)
        #expect(second.data == 6)
        second.backward()
        #expect(w.grad == 2)
    }

    @Test func childrenAndOpsDescribeTheGraph() {
        let a = Value(2.0, label: "a")
        let b = a * 3.0
        b.label = "b"
        #expect(b.op == .mul)
        #expect(b.children.count == 2)
        #expect(b.children[0].id == a.id)
        #expect(b.children[0].label == "a")
        #expect(b.children[1].op == .constant)
        #expect(b.children[1].data == 3)
        #expect(b.label == "b")
        #expect(a.op == .leaf && a.children.isEmpty)
    }

    @Test func weightedSumMatchesTheOperatorChain() {
        let weights = [Value(0.3), Value(-1.7), Value(2.5)]
        let inputs = [Value(1.1), Value(0.2), Value(-0.9)]
        let bias = Value(0.05)
        let fused = Value.weightedSum(bias: bias, weights: weights, inputs: inputs).tanh()
        fused.backward()
        let fusedGrads = (weights + inputs + [bias]).map(\.grad)
        for v in weights + inputs + [bias] { v.zeroGrad() }
        var chain = bias
        for (w, x) in zip(weights, inputs) { chain = chain + w * x }
        let out = chain.tanh()
        out.backward()
        #expect(out.data.bitPattern == fused.data.bitPattern)
        #expect((weights + inputs + [bias]).map(\.grad.bitPattern) == fusedGrads.map(\.bitPattern))
    }
}
