import Testing
import Micrograd

/// An `MLP` call records whole layers at once (and runs their backward pass a layer at a time
/// where that gives the same gradients); calling its neurons one by one records one fused node
/// per neuron and goes through the general backward sweep. Both must give bit-identical values
/// and gradients, on the fast path and on every case that falls back from it.
struct DenseLayerTests {
    /// The model applied neuron by neuron, without the layer-at-a-time recording.
    func neuronByNeuron(_ model: MLP, _ x: [Value]) -> [Value] {
        var x = x
        for layer in model.layers { x = layer.neurons.map { $0(x) } }
        return x
    }

    /// Builds the same graph twice — once through `MLP.callAsFunction`, once neuron by neuron,
    /// each on its own copy of the model and the inputs — runs `backward` and compares every
    /// output, parameter gradient and input gradient bit for bit.
    func expectIdentical(
        sizes: [Int], activation: Activation = .relu, inputs: [Double], seed: UInt64 = 7,
        prepare: (MLP) -> Void = { _ in },
        wire: (_ model: MLP, _ leaves: [Value]) -> [Value] = { _, leaves in leaves },
        loss: (_ model: MLP, _ outputs: [Value]) -> Value = { _, outputs in
            outputs.enumerated().reduce(Value(0)) { $0 + Double($1.offset + 1) * $1.element.tanh() }
        },
        backwardTwice: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func run(layered: Bool) -> (outputs: [Double], parameters: [Double], inputs: [Double]) {
            let model = MLP(sizes[0], Array(sizes.dropFirst()), activation: activation, seed: seed)
            prepare(model)
            let leaves = inputs.map { Value($0) }
            let x = wire(model, leaves)
            let outputs = layered ? model(x) : neuronByNeuron(model, x)
            let total = loss(model, outputs)
            total.backward()
            if backwardTwice { total.backward() }
            return (outputs.map(\.data), model.parameters().map(\.grad), leaves.map(\.grad))
        }
        let layered = run(layered: true), single = run(layered: false)
        #expect(layered.outputs.map(\.bitPattern) == single.outputs.map(\.bitPattern), "outputs", sourceLocation: sourceLocation)
        #expect(
            layered.parameters.map(\.bitPattern) == single.parameters.map(\.bitPattern), "parameter gradients",
            sourceLocation: sourceLocation)
        #expect(layered.inputs.map(\.bitPattern) == single.inputs.map(\.bitPattern), "input gradients", sourceLocation: sourceLocation)
    }

    @Test func reluLayers() {
        expectIdentical(sizes: [3, 16, 9, 2], inputs: [0.5, -1.25, 2.0])
    }

    @Test func tanhLayersAndWideInputs() {
        expectIdentical(sizes: [21, 5, 3], activation: .tanh, inputs: (0..<21).map { Double($0) / 7 - 1.5 })
    }

    @Test func specialValues() {
        expectIdentical(sizes: [4, 6, 2], inputs: [.infinity, -0.0, .nan, 1e308])
        expectIdentical(
            sizes: [2, 5, 1], inputs: [-0.0, 0.0],
            prepare: { model in model.parameters()[0].data = -0.0 })
    }

    @Test func sameInputTwice() {
        expectIdentical(
            sizes: [3, 4, 2], inputs: [0.75, -2.0],
            wire: { _, leaves in [leaves[0], leaves[1], leaves[0]] })
    }

    @Test func inputsNotConsecutive() {
        // Distinct inputs with another node recorded between them: the layer-at-a-time pass
        // reads them through a gathered copy instead of in place.
        expectIdentical(
            sizes: [3, 6, 2], inputs: [0.5, -1.25],
            wire: { _, leaves in [leaves[0], leaves[0] * 3, leaves[1]] })
    }

    @Test func parameterAsInput() {
        expectIdentical(
            sizes: [2, 4, 1], activation: .tanh, inputs: [1.5],
            wire: { model, leaves in [leaves[0], model.parameters()[3]] })
        // Also once the layer's parameters already sit on the tape, recorded by an earlier call
        // whose outputs are still alive.
        var earlier: [Value] = []
        expectIdentical(
            sizes: [2, 4, 1], activation: .tanh, inputs: [1.5, -0.5],
            wire: { model, leaves in
                earlier = model([leaves[1], leaves[1]])
                return [leaves[0], model.parameters()[3]]
            })
        #expect(earlier.count == 1)
    }

    @Test func parametersRecordedBeforeTheModel() {
        // The L2 penalty (kept alive, so the tape is not emptied) records every parameter
        // first, so a layer's weights are no longer consecutive nodes of their own.
        var penalty: Value?
        expectIdentical(
            sizes: [2, 8, 3], activation: .tanh, inputs: [0.3, -0.7],
            wire: { model, leaves in
                penalty = Loss.l2(model.parameters(), alpha: 1e-4)
                return leaves
            },
            loss: { _, outputs in outputs[0] + outputs[1] * outputs[2] + penalty! })
    }

    @Test func someOutputsUnreached() {
        expectIdentical(sizes: [3, 5, 4], inputs: [1, 2, -3], loss: { _, outputs in outputs[1] * 3 })
    }

    @Test func backwardTwice() {
        expectIdentical(sizes: [2, 7, 2], inputs: [0.1, 0.9], backwardTwice: true)
    }

    @Test func plainNumberInputs() {
        let a = MLP(3, [6, 2], seed: 11), b = MLP(3, [6, 2], seed: 11)
        let x = [0.2, -1.0, 4.0]
        let layered = a(x), single = neuronByNeuron(b, x.map { Value($0) })
        #expect(layered.map(\.data.bitPattern) == single.map(\.data.bitPattern))
        (layered[0] * layered[1]).backward()
        (single[0] * single[1]).backward()
        #expect(a.parameters().map(\.grad.bitPattern) == b.parameters().map(\.grad.bitPattern))
    }
}
