/// The moons training step written by hand with plain `Double`s in flat buffers: the same
/// arithmetic as the engine's step (MLP with ReLU hidden layers and a linear output, SVM
/// max-margin loss + L2, SGD) with no graph at all. It is the floor the engine is measured
/// against.
struct HandWrittenMoons {
    let sizes: [Int]
    /// All weights and biases in micrograd's order: per neuron its weights, then its bias.
    var parameters: [Double]
    var gradients: [Double]
    /// Per layer, the offset of its first parameter.
    let offsets: [Int]

    init(sizes: [Int], parameters: [Double]) {
        self.sizes = sizes
        self.parameters = parameters
        gradients = Array(repeating: 0, count: parameters.count)
        var offsets: [Int] = [], k = 0
        for l in 1..<sizes.count {
            offsets.append(k)
            k += sizes[l] * (sizes[l - 1] + 1)
        }
        self.offsets = offsets
    }

    /// One full-batch step with learning rate `learningRate` and L2 strength `alpha`;
    /// returns the loss.
    mutating func step(x: [[Double]], y: [Double], learningRate: Double, alpha: Double) -> Double {
        let layers = sizes.count - 1
        let width = sizes.max()!
        var acts = Array(repeating: 0.0, count: (layers + 1) * width)
        var delta = Array(repeating: 0.0, count: width)
        var nextDelta = Array(repeating: 0.0, count: width)
        var dataLoss = 0.0
        let n = Double(x.count)
        return parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeMutableBufferPointer { g in
                for k in g.indices { g[k] = 0 }
                for (s, sample) in x.enumerated() {
                    for i in 0..<sizes[0] { acts[i] = sample[i] }
                    for l in 0..<layers {
                        let nin = sizes[l], inBase = l * width, outBase = (l + 1) * width
                        for j in 0..<sizes[l + 1] {
                            let w = offsets[l] + j * (nin + 1)
                            var act = p[w + nin]
                            for i in 0..<nin { act = act + p[w + i] * acts[inBase + i] }
                            acts[outBase + j] = l < layers - 1 && act < 0 ? 0 : act
                        }
                    }
                    let margin = 1 + -y[s] * acts[layers * width]
                    if margin > 0 { dataLoss += margin }
                    delta[0] = margin > 0 ? -y[s] / n : 0
                    for l in stride(from: layers - 1, through: 0, by: -1) {
                        let nin = sizes[l], inBase = l * width, outBase = (l + 1) * width
                        for i in 0..<nin { nextDelta[i] = 0 }
                        for j in 0..<sizes[l + 1] {
                            let d = l < layers - 1 && acts[outBase + j] <= 0 ? 0 : delta[j]
                            let w = offsets[l] + j * (nin + 1)
                            g[w + nin] += d
                            for i in 0..<nin {
                                g[w + i] += d * acts[inBase + i]
                                nextDelta[i] += d * p[w + i]
                            }
                        }
                        swap(&delta, &nextDelta)
                    }
                }
                var reg = 0.0
                for k in p.indices {
                    reg += p[k] * p[k]
                    p[k] -= learningRate * (g[k] + 2 * alpha * p[k])
                }
                return dataLoss / n + alpha * reg
            }
        }
    }
}
