import Testing
import Micrograd

/// Neurons, layers, MLPs and initializers; initial values printed by the Python twin
/// (`Reference/micrograd_ref/nn.py`).
struct NNTests {
    @Test func micrograd2x16x16x1() {
        let model = MLP(2, [16, 16, 1], seed: 42)
        let parameters = model.parameters()
        #expect(parameters.count == 337)
        #expect(parameters[0].data.bitPattern == 0xbfd4_98db_0000_0000)
        #expect(parameters[1].data.bitPattern == 0x3fe2_107a_c000_0000)
        #expect(parameters[2].data == 0) // the first bias
        #expect(parameters[335].data.bitPattern == 0x3fcd_2b92_0000_0000) // the output's last weight
        #expect(parameters[336].data == 0)
        #expect(model.layers.map(\.neurons.count) == [16, 16, 1])
        #expect(model.layers.map { $0.neurons[0].activation } == [.relu, .relu, .linear])
    }

    @Test func lectureInitializerDrawsTheBiasAfterTheWeights() {
        let model = MLP(3, [4, 4, 1], activation: .tanh, outputActivation: .tanh, initializer: .lecture, seed: 42)
        let parameters = model.parameters()
        #expect(parameters.count == 41)
        #expect(
            parameters.prefix(5).map(\.data.bitPattern) == [
                0xbfd4_98db_0000_0000, 0x3fe2_107a_c000_0000, 0x3fe2_919a_c000_0000, 0x3fec_6b31_c000_0000,
                0x3fe0_ebd3_4000_0000,
            ])
        #expect(model.layers.allSatisfy { $0.neurons.allSatisfy { $0.activation == .tanh } })
    }

    @Test func eurekaInitializerScalesByInverseSquareRootOfInputs() {
        let model = MLP(2, [8, 3], activation: .tanh, initializer: .eureka, seed: 42)
        let parameters = model.parameters()
        #expect(parameters.count == 51)
        #expect(parameters.prefix(3).map(\.data.bitPattern) == [0xbfcd_20f1_9764_de66, 0x3fd9_8c00_69f4_dcdb, 0])
    }

    @Test func parametersAreLayerByLayerNeuronByNeuronWeightsThenBias() {
        let model = MLP(3, [2, 1], seed: 1)
        let expected = model.layers.flatMap { $0.neurons.flatMap { $0.weights + [$0.bias] } }
        #expect(model.parameters().map(\.id) == expected.map(\.id))
    }

    @Test func neuronRecordsMicrogradsSum() {
        let w0 = Value(2), w1 = Value(-3), b = Value(0.5)
        let neuron = Neuron(weights: [w0, w1], bias: b, activation: .linear)
        let out = neuron([1.5, 4.0])
        #expect(out.data == 0.5 + 2 * 1.5 + -3 * 4.0)
        // (b + w0*x0) + w1*x1, fused: bias, then each weight and its `Double` input as a constant.
        #expect(out.op == .weightedSum)
        let terms = out.children
        #expect(terms.count == 5)
        #expect(terms[0].id == b.id && terms[1].id == w0.id && terms[3].id == w1.id)
        #expect(terms[2].op == .constant && terms[2].data == 1.5 && terms[4].op == .constant && terms[4].data == 4.0)
    }

    @Test func neuronOnValuesMultipliesWeightByInput() {
        let x = [Value(1.5), Value(4.0)]
        let neuron = Neuron(weights: [Value(2), Value(-3)], bias: Value(0.5), activation: .relu)
        let out = neuron(x)
        #expect(out.op == .relu && out.data == 0)
        #expect(out.children[0].children.map(\.id) == [neuron.bias.id, neuron.weights[0].id, x[0].id, neuron.weights[1].id, x[1].id])
    }

    @Test func layerOfNeuronsWithDifferentActivationsCallsEachNeuron() {
        // The engine fuses a layer only when its neurons share an activation; these are called
        // one by one, and an MLP containing such a layer folds over its layers.
        let relu = Neuron(weights: [Value(2), Value(-3)], bias: Value(0.5), activation: .relu)
        let linear = Neuron(weights: [Value(-1), Value(0.25)], bias: Value(4), activation: .linear)
        let mixed = Layer(neurons: [relu, linear])
        let output = Layer(neurons: [Neuron(weights: [Value(3), Value(-2)], bias: Value(1), activation: .linear)])
        let model = MLP(layers: [mixed, output])
        let x = [Value(1.5), Value(-4.0)]
        let hidden = mixed(x)
        #expect(hidden.map(\.op) == [.relu, .weightedSum])
        // relu(0.5 + 2 * 1.5 + -3 * -4) and 4 + -1 * 1.5 + 0.25 * -4, all exact.
        #expect(hidden.map(\.data) == [15.5, 1.5])
        let y = model(x)[0]
        #expect(y.data == 44.5) // 1 + 3 * 15.5 + -2 * 1.5
        y.backward()
        // dy/dx = 3 * w_relu + -2 * w_linear (the relu passes: its sum is positive).
        #expect(x.map(\.grad) == [8, -9.5])
        #expect(model([1.5, -4.0])[0].data == y.data)
    }

    @Test func mlpOnDoublesAndValuesAgree() {
        let model = MLP(2, [3, 1], seed: 5)
        #expect(model([0.25, -1.5])[0].data == model([Value(0.25), Value(-1.5)])[0].data)
    }

    @Test func zeroGradForgetsGradients() {
        let model = MLP(2, [2, 1], activation: .tanh, seed: 3)
        let out = model([1.0, 2.0])[0]
        out.backward()
        let first = model.parameters().map(\.grad)
        out.backward()
        #expect(model.parameters().map(\.grad) == first.map { $0 + $0 })
        model.zeroGrad()
        #expect(model.parameters().allSatisfy { $0.grad == 0 })
        out.backward()
        #expect(model.parameters().map(\.grad) == first)
    }
}
