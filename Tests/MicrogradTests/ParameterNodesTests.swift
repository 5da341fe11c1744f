import Testing
@testable import Micrograd

/// A dense layer copies its parameters' node indices and values once per tape epoch
/// (`ParameterNodes`); these tests pin when that copy is kept and when it is renewed.
struct ParameterNodesTests {
    /// What two calls of one model record on a fresh thread's tape, with `between` run between
    /// the calls.
    static func twoCalls(between: () -> Void) -> (count: Int, operands: Int, bits: [UInt64]) {
        let model = MLP(2, [4, 3, 1], seed: 3)
        let first = model([Value(0.5), Value(-1.25)])[0]
        between()
        let second = model([Value(2.0), Value(0.75)])[0]
        let loss = first * second
        loss.backward()
        let tape = loss.tape
        return (
            tape.count, tape.operandCount,
            [first.data, second.data].map(\.bitPattern) + model.parameters().map(\.grad.bitPattern)
        )
    }

    /// A value set on another leaf (as another thread's optimizer step does) leaves the model's
    /// recorded parameters standing: the same nodes, operands, values and gradients.
    @Test func unrelatedValueChangeKeepsTheRecordedParameters() {
        let plain = onOwnThread { Self.twoCalls(between: {}) }
        let changed = onOwnThread {
            Self.twoCalls(between: {
                let other = Value(1.0); other.data = 2.0
            })
        }
        #expect(changed.count == plain.count)
        #expect(changed.operands == plain.operands)
        #expect(changed.bits == plain.bits)
    }

    /// A computed parameter whose value is set between two calls is used with its new value.
    @Test func computedParameterSetBetweenCallsIsReadAfresh() {
        let weight = Value(2.0) * 1.0, bias = Value(0.5)
        let layer = Layer(neurons: [Neuron(weights: [weight], bias: bias, activation: .linear)])
        let x = Value(3.0) * 1.0
        let before = layer([x])[0]
        weight.data = 4.0
        let after = layer([x])[0]
        #expect(before.data == 2.0 * 3.0 + 0.5)
        #expect(after.data == 4.0 * 3.0 + 0.5)
    }

    /// A parameter leaf set between two calls is recorded afresh with its new value.
    @Test func leafParameterSetBetweenCallsIsRecordedAfresh() {
        let model = MLP(1, [1], seed: 5)
        let weight = model.parameters()[0], bias = model.parameters()[1]
        let x = Value(3.0) * 1.0
        let before = model([x])[0]
        weight.data = -2.0
        let after = model([x])[0]
        #expect(after.data == -2.0 * 3.0 + bias.data)
        #expect(before.data != after.data)
    }
}
