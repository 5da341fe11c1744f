import Testing
import Micrograd

/// A second `backward()` adds each node's gradient of that pass to the one it had, as torch
/// does with `retain_graph=True` (`grad = grad + new_grad`, the new one summed first).
struct RepeatedBackwardTests {
    /// `n` gets 3.0 then 0.1 in each pass: torch keeps `3.1 + (3.0 + 0.1)`, where adding them
    /// one at a time would give `(3.1 + 3.0) + 0.1`, one ulp lower. Expected values printed by
    /// torch 2.15.0:
    ///
    ///     x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    ///     n = x * 1.0; n.retain_grad(); y = n * 0.1 + n * 3.0
    ///     y.backward(retain_graph=True); y.backward()
    ///     n.grad.item().hex(), x.grad.item().hex()  # 0x1.8cccccccccccdp+2 twice
    @Test func eachPassIsSummedBeforeItIsAdded() {
        let x = Value(1.0)
        let n = x * 1.0
        let y = n * 0.1 + n * 3.0
        y.backward()
        #expect(n.grad == 0x1.8cccccccccccdp+1)
        y.backward()
        #expect(n.grad == 0x1.8cccccccccccdp+2)
        #expect(x.grad == 0x1.8cccccccccccdp+2)
    }

    /// Through dense layers too: after two passes every node's gradient is twice a single
    /// pass's (`g + g` is exact), node for node.
    @Test func twoPassesGiveTwiceOneThroughDenseLayers() {
        func graph() -> (Value, [Value]) {
            let model = MLP(2, [4, 4, 1], seed: 3)
            let inputs = [Value(0.5), Value(-1.25)]
            let out = model(inputs)[0].tanh()
            return (out, Self.nodes(below: out))
        }
        let (once, onceNodes) = graph()
        once.backward()
        let (twice, twiceNodes) = graph()
        twice.backward()
        twice.backward()
        #expect(onceNodes.count == twiceNodes.count)
        for (a, b) in zip(onceNodes, twiceNodes) {
            #expect(b.grad == 2 * a.grad, "\(b.op): \(b.grad) after two passes, \(a.grad) after one")
        }
    }

    /// Every node below `root`, in a fixed order.
    static func nodes(below root: Value) -> [Value] {
        var seen: Set<NodeID> = [], stack = [root], order: [Value] = []
        while let node = stack.popLast() {
            guard seen.insert(node.id).inserted else { continue }
            order.append(node)
            stack += node.children
        }
        return order
    }
}
