/// The moons training step written by hand with plain `Double`s: the same arithmetic as the
/// engine's step (MLP with ReLU hidden layers and a linear output, SVM max-margin loss + L2,
/// SGD) with no graph at all. It is the floor the engine is measured against, so it is written
/// for speed: flat buffers allocated once, unchecked pointers, no allocation per step, and SIMD.
///
/// Layout. Everything is feature-major: row `i` of a layer holds unit `i` (or the loss's
/// gradient with respect to it) for every sample, so the innermost loops run over the samples,
/// four (one `Lanes`) at a time, and the loops around them work on several units at once, so
/// that each load feeds several independent sums:
/// - forward, four neurons: lane `s` of a neuron's sum adds `b + w0*x0 + w1*x1 + ...` for sample
///   `s` in micrograd's order, so the forward values match the engine's;
/// - gradient at a layer's inputs, four inputs, summing over the neurons;
/// - gradient of the parameters, two neurons by four inputs, summing over the samples (in another
///   order than the engine, which only changes the rounding).
/// A block that overruns a layer repeats its last unit, computing it again, harmlessly.
struct HandWrittenMoons {
    typealias Lanes = SIMD4<Double>

    /// One layer's shape and where it lives in the shared buffers.
    struct Layer {
        let inputs: Int, outputs: Int
        let isHidden: Bool
        /// Index of the layer's first parameter in micrograd's order.
        let parameters: Int
        /// Byte offsets of the layer's first input row and first output row in `activations`
        /// (and `deltas`).
        let input: Int, output: Int
    }

    let layers: [Layer]
    let samples: Int
    /// Every parameter twice side by side, in micrograd's order (per neuron its weights, then its
    /// bias): broadcasting one to all lanes is then a plain 16-byte load (SSE2 has no broadcast).
    let parameters: UnsafeMutableRawPointer
    /// The loss's gradient with respect to each parameter, in the same order, once each.
    let gradients: UnsafeMutablePointer<Double>
    let parameterCount: Int
    /// Every layer's units, one row of `rowBytes` per unit (the samples padded to whole `Lanes`;
    /// the padding's gradients stay zero); each layer's input rows are followed by a row of ones,
    /// the input its bias multiplies.
    let activations: UnsafeMutableRawPointer
    /// The loss's gradient with respect to each unit, laid out like `activations`.
    let deltas: UnsafeMutableRawPointer
    let rowBytes: Int

    init(sizes: [Int], parameters: [Double], samples: Int) {
        self.samples = samples
        rowBytes = (samples + Lanes.scalarCount - 1) / Lanes.scalarCount * MemoryLayout<Lanes>.stride
        var layers: [Layer] = [], parameterCount = 0, rows = 0
        for l in 1..<sizes.count {
            let layer = Layer(
                inputs: sizes[l - 1], outputs: sizes[l], isHidden: l < sizes.count - 1,
                parameters: parameterCount, input: rows * rowBytes,
                output: (rows + sizes[l - 1] + 1) * rowBytes)
            layers.append(layer)
            parameterCount += layer.outputs * (layer.inputs + 1)
            rows += layer.inputs + 1
        }
        rows += sizes[sizes.count - 1]
        self.layers = layers
        self.parameterCount = parameterCount
        self.parameters = .allocate(byteCount: 16 * parameterCount, alignment: 16)
        for (i, p) in parameters.enumerated() {
            self.parameters.storeBytes(of: SIMD2(repeating: p), toByteOffset: 16 * i, as: SIMD2<Double>.self)
        }
        gradients = .allocate(capacity: parameterCount)
        gradients.initialize(repeating: 0, count: parameterCount)
        activations = .allocate(byteCount: rows * rowBytes, alignment: 64)
        activations.initializeMemory(as: UInt8.self, repeating: 0, count: rows * rowBytes)
        deltas = .allocate(byteCount: rows * rowBytes, alignment: 64)
        deltas.initializeMemory(as: UInt8.self, repeating: 0, count: rows * rowBytes)
        for layer in layers {
            let ones = activations + layer.input + layer.inputs * rowBytes
            for s in 0..<samples { ones[double: s] = 1 }
        }
    }

    /// One full-batch step with learning rate `learningRate` and L2 strength `alpha`;
    /// returns the loss of the parameters before the update.
    func step(x: [[Double]], y: [Double], learningRate: Double, alpha: Double) -> Double {
        for s in 0..<samples {
            for (k, value) in x[s].enumerated() { (activations + k * rowBytes)[double: s] = value }
        }
        var dataLoss = 0.0
        layers.withUnsafeBufferPointer { layers in
            for layer in layers { forward(layer) }
            // Max-margin loss; its gradient with respect to each score.
            let last = layers[layers.count - 1]
            let scores = activations + last.output, delta = deltas + last.output
            for s in 0..<samples {
                let margin = 1 + -y[s] * scores[double: s]
                dataLoss += margin > 0 ? margin : 0
                delta[double: s] = margin > 0 ? -y[s] / Double(samples) : 0
            }
            for layer in layers.reversed() {
                parameterGradients(layer)
                if layer.input > 0 { inputGradients(layer) }
            }
        }
        // L2 penalty and SGD, whose gradient adds 2 * alpha * p.
        var reg = 0.0
        for i in 0..<parameterCount {
            let p = parameters.load(fromByteOffset: 16 &* i, as: SIMD2<Double>.self)
            reg += p.x * p.x
            let updated = p - learningRate * (SIMD2(repeating: gradients[i]) + 2 * alpha * p)
            parameters.storeBytes(of: updated, toByteOffset: 16 &* i, as: SIMD2<Double>.self)
        }
        return dataLoss / Double(samples) + alpha * reg
    }

    /// Where neuron `j` of `layer` keeps its (doubled) weights, then bias.
    @inline(__always)
    func neuron(_ layer: Layer, _ j: Int) -> UnsafeMutableRawPointer {
        parameters + 16 * (layer.parameters + j * (layer.inputs + 1))
    }

    /// `layer`'s outputs, four neurons at a time: each lane sums `b + w0*x0 + w1*x1 + ...` in
    /// order, then ReLU if the layer is hidden.
    @inline(__always)
    func forward(_ layer: Layer) {
        let input = activations + layer.input, output = activations + layer.output
        let last = layer.outputs - 1, bias = layer.inputs
        for block in 0..<(layer.outputs + 3) / 4 {
            let j = 4 &* block, j1 = min(j + 1, last), j2 = min(j + 2, last), j3 = min(j + 3, last)
            let w0 = neuron(layer, j), w1 = neuron(layer, j1), w2 = neuron(layer, j2), w3 = neuron(layer, j3)
            for chunk in 0..<rowBytes / MemoryLayout<Lanes>.stride {
                let c = chunk &* MemoryLayout<Lanes>.stride
                var sum0 = w0[broadcast: bias], sum1 = w1[broadcast: bias]
                var sum2 = w2[broadcast: bias], sum3 = w3[broadcast: bias]
                for k in 0..<layer.inputs {
                    let x = input[lanes: k &* rowBytes &+ c]
                    sum0 += w0[broadcast: k] * x
                    sum1 += w1[broadcast: k] * x
                    sum2 += w2[broadcast: k] * x
                    sum3 += w3[broadcast: k] * x
                }
                if layer.isHidden {
                    sum0.replace(with: 0, where: sum0 .< 0)
                    sum1.replace(with: 0, where: sum1 .< 0)
                    sum2.replace(with: 0, where: sum2 .< 0)
                    sum3.replace(with: 0, where: sum3 .< 0)
                }
                output[lanes: j * rowBytes + c] = sum0
                output[lanes: j1 * rowBytes + c] = sum1
                output[lanes: j2 * rowBytes + c] = sum2
                output[lanes: j3 * rowBytes + c] = sum3
            }
        }
    }

    /// The gradient of `layer`'s parameters: for each neuron, the sum over the samples of its
    /// output's gradient times each input (the row of ones for the bias). Two neurons by four
    /// inputs at a time, two samples per iteration: a neuron's eight running sums share a
    /// `SIMD8`, lanes `2i` and `2i + 1` for input `i` of the four.
    @inline(__always)
    func parameterGradients(_ layer: Layer) {
        let input = activations + layer.input, delta = deltas + layer.output, bias = layer.inputs
        for jBlock in 0..<(layer.outputs + 1) / 2 {
            let j0 = 2 &* jBlock, j1 = min(j0 + 1, layer.outputs - 1)
            let d0 = delta + j0 * rowBytes, d1 = delta + j1 * rowBytes
            let g0 = gradients + layer.parameters + j0 * (layer.inputs + 1)
            let g1 = gradients + layer.parameters + j1 * (layer.inputs + 1)
            for kBlock in 0..<(layer.inputs + 4) / 4 {
                let k0 = 4 &* kBlock, k1 = min(k0 + 1, bias), k2 = min(k0 + 2, bias), k3 = min(k0 + 3, bias)
                let x0 = input + k0 * rowBytes, x1 = input + k1 * rowBytes
                let x2 = input + k2 * rowBytes, x3 = input + k3 * rowBytes
                var sum0 = SIMD8<Double>(), sum1 = SIMD8<Double>()
                for samplePair in 0..<rowBytes / 16 {
                    let c = samplePair &* 16
                    let x = SIMD8(x0[pair: c], x1[pair: c], x2[pair: c], x3[pair: c])
                    sum0 += SIMD8(repeating: d0[pair: c]) * x
                    sum1 += SIMD8(repeating: d1[pair: c]) * x
                }
                let total0 = sum0.evenHalf + sum0.oddHalf, total1 = sum1.evenHalf + sum1.oddHalf
                (g0[k0], g0[k1], g0[k2], g0[k3]) = (total0[0], total0[1], total0[2], total0[3])
                (g1[k0], g1[k1], g1[k2], g1[k3]) = (total1[0], total1[1], total1[2], total1[3])
            }
        }
    }

    /// The gradient at `layer`'s inputs, four at a time: the sum over its neurons of each
    /// neuron's weight times its output's gradient, zero where the input's ReLU was inactive.
    @inline(__always)
    func inputGradients(_ layer: Layer) {
        let input = activations + layer.input, inputDelta = deltas + layer.input
        let delta = deltas + layer.output, last = layer.inputs - 1
        for block in 0..<(layer.inputs + 3) / 4 {
            let k = 4 &* block, k1 = min(k + 1, last), k2 = min(k + 2, last), k3 = min(k + 3, last)
            for chunk in 0..<rowBytes / MemoryLayout<Lanes>.stride {
                let c = chunk &* MemoryLayout<Lanes>.stride
                var sum0 = Lanes(), sum1 = Lanes(), sum2 = Lanes(), sum3 = Lanes()
                var w = neuron(layer, 0), d = delta + c
                for _ in 0..<layer.outputs {
                    let dj = d[lanes: 0]
                    sum0 += w[broadcast: k] * dj
                    sum1 += w[broadcast: k1] * dj
                    sum2 += w[broadcast: k2] * dj
                    sum3 += w[broadcast: k3] * dj
                    w += 16 &* (layer.inputs &+ 1)
                    d += rowBytes
                }
                sum0.replace(with: 0, where: input[lanes: k * rowBytes + c] .<= 0)
                sum1.replace(with: 0, where: input[lanes: k1 * rowBytes + c] .<= 0)
                sum2.replace(with: 0, where: input[lanes: k2 * rowBytes + c] .<= 0)
                sum3.replace(with: 0, where: input[lanes: k3 * rowBytes + c] .<= 0)
                inputDelta[lanes: k * rowBytes + c] = sum0
                inputDelta[lanes: k1 * rowBytes + c] = sum1
                inputDelta[lanes: k2 * rowBytes + c] = sum2
                inputDelta[lanes: k3 * rowBytes + c] = sum3
            }
        }
    }
}

extension UnsafeMutableRawPointer {
    /// The `Double` at index `index`.
    fileprivate subscript(double index: Int) -> Double {
        get { load(fromByteOffset: index &* 8, as: Double.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: index &* 8, as: Double.self) }
    }

    /// Parameter `index` of the doubled parameters, in every lane.
    fileprivate subscript(broadcast index: Int) -> HandWrittenMoons.Lanes {
        let pair = load(fromByteOffset: index &* 16, as: SIMD2<Double>.self)
        return HandWrittenMoons.Lanes(lowHalf: pair, highHalf: pair)
    }

    /// The two `Double`s `offset` bytes in.
    fileprivate subscript(pair offset: Int) -> SIMD2<Double> {
        loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
    }

    /// The `Lanes` `offset` bytes in.
    fileprivate subscript(lanes offset: Int) -> HandWrittenMoons.Lanes {
        get { loadUnaligned(fromByteOffset: offset, as: HandWrittenMoons.Lanes.self) }
        nonmutating set { storeBytes(of: newValue, toByteOffset: offset, as: HandWrittenMoons.Lanes.self) }
    }
}

extension SIMD8<Double> {
    /// `a`, `b`, `c` and `d` side by side.
    fileprivate init(_ a: SIMD2<Double>, _ b: SIMD2<Double>, _ c: SIMD2<Double>, _ d: SIMD2<Double>) {
        self.init(lowHalf: SIMD4(lowHalf: a, highHalf: b), highHalf: SIMD4(lowHalf: c, highHalf: d))
    }

    /// `pair` four times over.
    fileprivate init(repeating pair: SIMD2<Double>) {
        self.init(pair, pair, pair, pair)
    }
}
