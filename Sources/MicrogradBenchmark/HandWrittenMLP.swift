import Micrograd

/// The lecture's and yin-yang's training step written by hand with plain `Double`s and no
/// graph: the same arithmetic as the engine's step (MLP, squared error or cross-entropy, SGD or
/// AdamW), point by point, in flat buffers allocated once. Scalar code, unlike
/// ``HandWrittenMoons``: these models are too narrow (4 and 8 units) for SIMD over the units to
/// pay, and the points are few (the lecture has 4).
///
/// Forward sums are micrograd's `b + w0*x0 + w1*x1 + ...`, so the forward values match the
/// engine's; gradients are accumulated over the points in another order than the engine's,
/// which only changes their rounding.
final class HandWrittenMLP {
    let workload: Workload
    let sizes: [Int]
    let activations: [Activation]
    /// Every parameter in micrograd's order (per neuron its weights, then its bias).
    let parameters: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    let parameterCount: Int
    /// AdamW's moments.
    let firstMoments: UnsafeMutablePointer<Double>, secondMoments: UnsafeMutablePointer<Double>
    /// One point's units, layer after layer (the inputs first), and their gradients.
    let units: UnsafeMutablePointer<Double>, deltas: UnsafeMutablePointer<Double>
    let unitOffsets: [Int], parameterOffsets: [Int]
    var stepCount = 0

    init(_ workload: Workload) {
        self.workload = workload
        let m = workload.spec.model
        sizes = [m.inputs] + m.layers
        activations = m.layers.indices.map { $0 == m.layers.count - 1 ? m.outputActivation : m.activation }
        var unitOffsets = [0], parameterOffsets: [Int] = [], p = 0
        for l in 1..<sizes.count {
            unitOffsets.append(unitOffsets[l - 1] + sizes[l - 1])
            parameterOffsets.append(p)
            p += sizes[l] * (sizes[l - 1] + 1)
        }
        self.unitOffsets = unitOffsets
        self.parameterOffsets = parameterOffsets
        parameterCount = p
        let initial = workload.makeModel().parameters().map(\.data)
        precondition(initial.count == p)
        parameters = .allocate(capacity: p)
        parameters.initialize(from: initial, count: p)
        gradients = .allocate(capacity: p)
        firstMoments = .allocate(capacity: p)
        firstMoments.initialize(repeating: 0, count: p)
        secondMoments = .allocate(capacity: p)
        secondMoments.initialize(repeating: 0, count: p)
        let unitCount = sizes.reduce(0, +)
        units = .allocate(capacity: unitCount)
        deltas = .allocate(capacity: unitCount)
    }

    deinit {
        for buffer in [parameters, gradients, firstMoments, secondMoments, units, deltas] { buffer.deallocate() }
    }

    /// One full-batch step; returns the loss of the parameters before the update.
    func step() -> Double {
        gradients.update(repeating: 0, count: parameterCount)
        let points = workload.points
        var total = 0.0
        for s in points.indices {
            for (k, x) in points[s].enumerated() { units[k] = x }
            forward()
            total += lossAndOutputGradient(point: s)
            backward()
        }
        let loss = workload.classes == nil ? total : total * (1.0 / Double(points.count))
        update()
        return loss
    }

    private func forward() {
        for l in 1..<sizes.count {
            let inputs = sizes[l - 1], input = units + unitOffsets[l - 1], output = units + unitOffsets[l]
            var w = parameters + parameterOffsets[l - 1]
            for j in 0..<sizes[l] {
                var sum = w[inputs]
                for k in 0..<inputs { sum += w[k] * input[k] }
                switch activations[l - 1] {
                case .relu: output[j] = sum > 0 ? sum : 0
                case .tanh: output[j] = TorchMath.tanh(sum)
                case .linear: output[j] = sum
                }
                w += inputs + 1
            }
        }
    }

    /// Point `s`'s loss; writes its gradient with respect to the outputs into `deltas`.
    private func lossAndOutputGradient(point s: Int) -> Double {
        let last = sizes.count - 1, output = units + unitOffsets[last], delta = deltas + unitOffsets[last]
        if let targets = workload.targets { // squared error
            let d = output[0] - targets[s]
            delta[0] = 2 * d
            return d * d
        }
        let target = workload.classes![s], scale = 1.0 / Double(workload.points.count)
        var denominator = 0.0
        for i in 0..<sizes[last] {
            delta[i] = TorchMath.exp(output[i])
            denominator += delta[i]
        }
        let loss = -TorchMath.log(delta[target] / denominator)
        for i in 0..<sizes[last] { delta[i] = (delta[i] / denominator - (i == target ? 1 : 0)) * scale }
        return loss
    }

    private func backward() {
        for l in stride(from: sizes.count - 1, through: 1, by: -1) {
            let inputs = sizes[l - 1], input = units + unitOffsets[l - 1], output = units + unitOffsets[l]
            let delta = deltas + unitOffsets[l], inputDelta = deltas + unitOffsets[l - 1]
            if l > 1 { inputDelta.update(repeating: 0, count: inputs) }
            var w = parameters + parameterOffsets[l - 1], g = gradients + parameterOffsets[l - 1]
            for j in 0..<sizes[l] {
                let y = output[j]
                let d: Double
                switch activations[l - 1] {
                case .relu: d = y > 0 ? delta[j] : 0
                case .tanh: d = delta[j] * (1 - y * y)
                case .linear: d = delta[j]
                }
                for k in 0..<inputs {
                    g[k] += d * input[k]
                    if l > 1 { inputDelta[k] += w[k] * d }
                }
                g[inputs] += d
                w += inputs + 1
                g += inputs + 1
            }
        }
    }

    /// SGD, or AdamW as ``AdamW`` rounds it.
    private func update() {
        let o = workload.spec.optimizer
        defer { stepCount += 1 }
        guard o.kind == .adamw else {
            let lr = workload.learningRate(stepCount)
            for i in 0..<parameterCount { parameters[i] -= lr * gradients[i] }
            return
        }
        let lr = o.learningRate, beta1 = o.beta1 ?? 0.9, beta2 = o.beta2 ?? 0.999
        let t = Double(stepCount + 1), decay = 1 - lr * (o.weightDecay ?? 1e-2), epsilon = o.epsilon ?? 1e-8
        let stepSize = lr / (1 - TorchMath.pow(beta1, t))
        let correction = TorchMath.pow(1 - TorchMath.pow(beta2, t), 0.5)
        let weight = 1 - beta1
        for i in 0..<parameterCount {
            let g = gradients[i], m0 = firstMoments[i]
            let m = abs(weight) < 0.5 ? m0.addingProduct(weight, g - m0) : g.addingProduct(weight - 1, g - m0)
            let v = (secondMoments[i] * beta2).addingProduct((1 - beta2) * g, g)
            firstMoments[i] = m
            secondMoments[i] = v
            let denominator = TorchMath.sqrt(v) / correction + epsilon
            parameters[i] = parameters[i] * decay + (-stepSize * m) / denominator
        }
    }
}
