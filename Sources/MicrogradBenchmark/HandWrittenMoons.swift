/// The moons training step written by hand with plain `Double`s in flat buffers: the same
/// arithmetic as the engine's step (MLP with ReLU hidden layers and a linear output, SVM
/// max-margin loss + L2, SGD) with no graph at all. It is the floor the engine is measured
/// against, so it is written for speed: unchecked pointers, no allocation per step.
struct HandWrittenMoons {
    let sizes: [Int]
    let width: Int
    /// All weights and biases in micrograd's order: per neuron its weights, then its bias.
    let parameters: UnsafeMutableBufferPointer<Double>
    let gradients: UnsafeMutableBufferPointer<Double>
    /// Per layer, the offset of its first parameter.
    let offsets: [Int]
    /// Activations of every layer for every sample, and two delta rows.
    let activations: UnsafeMutableBufferPointer<Double>
    let delta: UnsafeMutableBufferPointer<Double>
    let nextDelta: UnsafeMutableBufferPointer<Double>
    let samples: Int

    init(sizes: [Int], parameters: [Double], samples: Int) {
        self.sizes = sizes
        width = sizes.max()!
        self.parameters = .allocate(capacity: parameters.count)
        _ = self.parameters.initialize(from: parameters)
        gradients = .allocate(capacity: parameters.count)
        gradients.initialize(repeating: 0)
        var offsets: [Int] = [], k = 0
        for l in 1..<sizes.count {
            offsets.append(k)
            k += sizes[l] * (sizes[l - 1] + 1)
        }
        self.offsets = offsets
        self.samples = samples
        activations = .allocate(capacity: samples * sizes.count * width)
        activations.initialize(repeating: 0)
        delta = .allocate(capacity: width)
        delta.initialize(repeating: 0)
        nextDelta = .allocate(capacity: width)
        nextDelta.initialize(repeating: 0)
    }

    /// One full-batch step with learning rate `learningRate` and L2 strength `alpha`;
    /// returns the loss.
    func step(x: [[Double]], y: [Double], learningRate: Double, alpha: Double) -> Double {
        let p = parameters.baseAddress!, g = gradients.baseAddress!
        let layers = sizes.count - 1
        let n = Double(samples)
        var delta = self.delta.baseAddress!, nextDelta = self.nextDelta.baseAddress!
        for k in 0..<gradients.count { g[k] = 0 }
        var dataLoss = 0.0
        for s in 0..<samples {
            let acts = activations.baseAddress! + s * (layers + 1) * width
            for i in 0..<sizes[0] { acts[i] = x[s][i] }
            for l in 0..<layers {
                let nin = sizes[l], input = acts + l * width, output = acts + (l + 1) * width
                let hidden = l < layers - 1
                for j in 0..<sizes[l + 1] {
                    let w = p + offsets[l] + j * (nin + 1)
                    var act = w[nin]
                    for i in 0..<nin { act = act + w[i] * input[i] }
                    output[j] = hidden && act < 0 ? 0 : act
                }
            }
            let margin = 1 + -y[s] * acts[layers * width]
            if margin > 0 { dataLoss += margin }
            delta[0] = margin > 0 ? -y[s] / n : 0
            for l in stride(from: layers - 1, through: 0, by: -1) {
                let nin = sizes[l], input = acts + l * width, output = acts + (l + 1) * width
                let hidden = l < layers - 1
                for i in 0..<nin { nextDelta[i] = 0 }
                for j in 0..<sizes[l + 1] {
                    let d = hidden && output[j] <= 0 ? 0 : delta[j]
                    let offset = offsets[l] + j * (nin + 1)
                    let w = p + offset, gw = g + offset
                    gw[nin] += d
                    for i in 0..<nin {
                        gw[i] += d * input[i]
                        nextDelta[i] += d * w[i]
                    }
                }
                swap(&delta, &nextDelta)
            }
        }
        var reg = 0.0
        for k in 0..<parameters.count {
            reg += p[k] * p[k]
            p[k] -= learningRate * (g[k] + 2 * alpha * p[k])
        }
        return dataLoss / n + alpha * reg
    }
}
