/// The moons training step written by hand with plain `Double`s: the same arithmetic as the
/// engine's step (MLP with ReLU hidden layers and a linear output, SVM max-margin loss + L2,
/// SGD) with no graph at all. It is the floor the engine is measured against, so it is written
/// for speed: flat buffers, unchecked pointers, no allocation per step, and every loop runs over
/// the batch innermost (feature-major activations), which the compiler vectorises. Each sample's
/// sums still add `b + w0*x0 + w1*x1 + ...` in micrograd's order.
struct HandWrittenMoons {
    let sizes: [Int]
    let samples: Int
    /// All weights and biases in micrograd's order: per neuron its weights, then its bias.
    let parameters: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    let parameterCount: Int
    /// Per layer, the offset of its first parameter and of its activations.
    let parameterOffsets: [Int]
    let activationOffsets: [Int]
    /// Activations of every layer, feature-major: unit `i` of layer `l` for sample `s` is at
    /// `activationOffsets[l] + i * samples + s`.
    let activations: UnsafeMutablePointer<Double>
    /// Gradients flowing into two layers' units, feature-major like the activations.
    let delta: UnsafeMutablePointer<Double>
    let nextDelta: UnsafeMutablePointer<Double>

    init(sizes: [Int], parameters: [Double], samples: Int) {
        self.sizes = sizes
        self.samples = samples
        parameterCount = parameters.count
        self.parameters = .allocate(capacity: parameterCount)
        self.parameters.initialize(from: parameters, count: parameterCount)
        gradients = .allocate(capacity: parameterCount)
        gradients.initialize(repeating: 0, count: parameterCount)
        var offsets: [Int] = [], k = 0
        for l in 1..<sizes.count {
            offsets.append(k)
            k += sizes[l] * (sizes[l - 1] + 1)
        }
        parameterOffsets = offsets
        var activationOffsets: [Int] = [], a = 0
        for size in sizes {
            activationOffsets.append(a)
            a += size * samples
        }
        self.activationOffsets = activationOffsets
        activations = .allocate(capacity: a)
        activations.initialize(repeating: 0, count: a)
        let widest = sizes.max()! * samples
        delta = .allocate(capacity: widest)
        delta.initialize(repeating: 0, count: widest)
        nextDelta = .allocate(capacity: widest)
        nextDelta.initialize(repeating: 0, count: widest)
    }

    /// One full-batch step with learning rate `learningRate` and L2 strength `alpha`;
    /// returns the loss.
    func step(x: [[Double]], y: [Double], learningRate: Double, alpha: Double) -> Double {
        let p = parameters, g = gradients, n = samples
        let layers = sizes.count - 1
        for k in 0..<parameterCount { g[k] = 0 }
        for s in 0..<n {
            for i in 0..<sizes[0] { activations[i * n + s] = x[s][i] }
        }
        // Forward, layer by layer, every sample at once.
        for l in 0..<layers {
            let nin = sizes[l], input = activations + activationOffsets[l]
            let output = activations + activationOffsets[l + 1]
            for j in 0..<sizes[l + 1] {
                let w = p + parameterOffsets[l] + j * (nin + 1)
                let out = output + j * n
                for s in 0..<n { out[s] = w[nin] }
                for i in 0..<nin {
                    let wi = w[i], column = input + i * n
                    for s in 0..<n { out[s] = out[s] + wi * column[s] }
                }
                if l < layers - 1 {
                    for s in 0..<n where out[s] < 0 { out[s] = 0 }
                }
            }
        }
        // Max-margin loss and its gradient with respect to each score.
        let scores = activations + activationOffsets[layers]
        var dataLoss = 0.0
        var delta = self.delta, nextDelta = self.nextDelta
        for s in 0..<n {
            let margin = 1 + -y[s] * scores[s]
            dataLoss += margin > 0 ? margin : 0
            delta[s] = margin > 0 ? -y[s] / Double(n) : 0
        }
        // Backward, layer by layer.
        for l in stride(from: layers - 1, through: 0, by: -1) {
            let nin = sizes[l], input = activations + activationOffsets[l]
            let output = activations + activationOffsets[l + 1]
            for k in 0..<(nin * n) { nextDelta[k] = 0 }
            for j in 0..<sizes[l + 1] {
                let d = delta + j * n, out = output + j * n
                if l < layers - 1 {
                    for s in 0..<n where out[s] <= 0 { d[s] = 0 }
                }
                let offset = parameterOffsets[l] + j * (nin + 1)
                let w = p + offset, gw = g + offset
                var bias = 0.0
                for s in 0..<n { bias += d[s] }
                gw[nin] += bias
                for i in 0..<nin {
                    let column = input + i * n, back = nextDelta + i * n, wi = w[i]
                    var sum = 0.0
                    for s in 0..<n {
                        sum += d[s] * column[s]
                        back[s] += d[s] * wi
                    }
                    gw[i] += sum
                }
            }
            swap(&delta, &nextDelta)
        }
        var reg = 0.0
        for k in 0..<parameterCount {
            reg += p[k] * p[k]
            p[k] -= learningRate * (g[k] + 2 * alpha * p[k])
        }
        return dataLoss / Double(n) + alpha * reg
    }
}
