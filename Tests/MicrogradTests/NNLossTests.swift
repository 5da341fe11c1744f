import Testing
import Micrograd

/// The losses record the same operations, in the same order, as the Python expressions.
struct NNLossTests {
    @Test func squaredErrorStartsFromPythonsZero() {
        let predictions = [Value(0.5), Value(-0.25)]
        let loss = Loss.squaredError(predictions: predictions, targets: [1, -1])
        #expect(loss.data == 0.25 + 0.5625)
        // (((p0 - 1) ** 2) + 0) + ((p1 + 1) ** 2)
        #expect(loss.op == .add)
        let start = loss.children[0]
        #expect(start.op == .add && start.children[1].op == .constant && start.children[1].data == 0)
        #expect(start.children[0].op == .pow && start.children[0].children[0].op == .sub)
        #expect(loss.children[1].op == .pow)
    }

    @Test func maxMarginAndL2() {
        let scores = [Value(0.5), Value(-2)]
        let data = Loss.maxMargin(scores: scores, labels: [1, -1])
        #expect(data.data == (0.5 + 0) * 0.5)
        #expect(data.op == .mul && data.children[1].data == 0.5)
        let hinge = data.children[0].children[0].children[0] // relu(1 + -y * s) of the first point
        #expect(hinge.op == .relu && hinge.children[0].op == .add && hinge.children[0].children[1].data == 1)
        let parameters = [Value(3), Value(-4)]
        let l2 = Loss.l2(parameters, alpha: 1e-4)
        #expect(l2.data == 1e-4 * 25)
        #expect(l2.op == .mul && l2.children[1].data == 1e-4)
        #expect(Loss.accuracy(scores: scores, labels: [1, 1]) == 0.5)
    }

    @Test func maxMarginIsTheDemosExpression() {
        // The loss, recorded in one call, against the demo's expression written with the
        // operators: the same graph (operations, values, shape), the same gradients.
        let raw = [0.5, -2, 0.0, -0.0, 3e300, .nan, 1, -0.75]
        let labels: [Double] = [1, -1, 1, -1, -1, 1, 1, -1]
        func graph(_ v: Value) -> String {
            "\(v.op)(\(v.data.bitPattern)" + v.children.map { " " + graph($0) }.joined() + ")"
        }
        for computed in [false, true] {
            let fused = raw.map { Value($0) }, plain = raw.map { Value($0) }
            let fusedScores = computed ? fused.map { $0 * 2 } : fused
            let plainScores = computed ? plain.map { $0 * 2 } : plain
            let actual = Loss.maxMargin(scores: fusedScores, labels: labels)
            let losses = zip(plainScores, labels).map { score, y in (1 + -y * score).relu() }
            let expected = Value.sum(losses) * (1.0 / Double(losses.count))
            #expect(graph(actual) == graph(expected))
            actual.backward()
            expected.backward()
            #expect(fused.map(\.grad.bitPattern) == plain.map(\.grad.bitPattern))
        }
        #expect(Loss.maxMargin(scores: [], labels: []).data.isNaN) // sum([]) * (1.0 / 0)
    }

    @Test func l2IsTheChainOfProductsAndSums() {
        // Values and gradients of the fused node equal those of `alpha * (0 + p0*p0 + p1*p1 ...)`
        // recorded operator by operator, including a parameter that also feeds the rest.
        let values = [0.3, -1.7, 2.5e-3, 4.0, -0.0, 1e300]
        let fused = values.map { Value($0) }, chain = values.map { Value($0) }
        func loss(_ p: [Value], _ l2: Value) -> Value { (p[1] * p[2]).tanh() + l2 }
        var sum = 0 + chain[0] * chain[0]
        for p in chain.dropFirst() { sum = sum + p * p }
        let expected = loss(chain, 1e-4 * sum)
        let actual = loss(fused, Loss.l2(fused, alpha: 1e-4))
        #expect(actual.data.bitPattern == expected.data.bitPattern)
        expected.backward()
        actual.backward()
        #expect(fused.map(\.grad.bitPattern) == chain.map(\.grad.bitPattern))
        #expect(Loss.l2([], alpha: 1e-4).data == 0)
    }

    @Test func crossEntropy() {
        let logits = [Value(1), Value(2), Value(0.5)]
        let loss = Loss.crossEntropy(logits: logits, target: 1)
        #expect(loss.op == .neg && loss.children[0].op == .log && loss.children[0].children[0].op == .div)
        let expected = -(logits[1].exp() / (0 + logits[0].exp() + logits[1].exp() + logits[2].exp())).log()
        #expect(loss.data == expected.data)
        loss.backward()
        #expect(abs(logits.map(\.grad).reduce(0, +)) < 1e-15)
    }
}
