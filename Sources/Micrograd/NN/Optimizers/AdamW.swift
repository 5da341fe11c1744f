/// Adam with decoupled weight decay, rounding exactly as `torch.optim.AdamW` does for 0-dim
/// float64 CPU tensors (its default single-tensor implementation; `amsgrad` and `maximize` off).
///
/// Step `t` (from 1) updates each parameter `p` with gradient `g` as torch runs it:
/// ```
/// p = p * (1 - lr * weightDecay)                 // param.mul_ (skipped when weightDecay == 0)
/// m = lerp(m, g, 1 - beta1)                      // exp_avg.lerp_: fma(w, g - m, m) for w < 0.5,
///                                                //   else fma(w - 1, g - m, g)
/// v = fma((1 - beta2) * g, g, v * beta2)         // exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2)
/// stepSize = lr / (1 - pow(beta1, t))            // Python floats: pow, see below
/// denom = sqrt(v) / pow(1 - pow(beta2, t), 0.5) + eps   // sqrt: see TorchMath.sqrt
/// p = p + (-stepSize * m) / denom                // param.addcdiv_(m, denom, value=-stepSize)
/// ```
/// `pow` is the correctly rounded `PortableMath.pow`. torch's optimizer calls Python's float
/// `**`, the C library's `pow`, which glibc computes to within 0.52 ulp: the two agree for every
/// `t` up to 481 with the betas the parity suite trains with (0.8 or 0.9; 0.95 or 0.999), and
/// differ by one ulp from `0.95 ** 482` on (`python3 Reference/measure_deviations.py`).
///
/// Every parameter must have received a gradient (torch skips parameters whose `grad` is `None`).
public struct AdamW: Optimizer {
    public let parameters: [Value]
    /// The learning rate `lr`.
    public var learningRate: Double
    /// The decay rate of the first moment.
    public var beta1: Double
    /// The decay rate of the second moment.
    public var beta2: Double
    /// Added to the denominator.
    public var epsilon: Double
    /// The decoupled weight decay.
    public var weightDecay: Double
    /// How many steps have been taken.
    public private(set) var stepCount = 0
    /// The running averages of each parameter's gradient (torch's `exp_avg`).
    public private(set) var firstMoments: [Double]
    /// The running averages of each parameter's squared gradient (torch's `exp_avg_sq`).
    public private(set) var secondMoments: [Double]

    /// AdamW with torch's defaults except where given.
    public init(
        parameters: [Value], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, weightDecay: Double = 1e-2
    ) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoments = Array(repeating: 0, count: parameters.count)
        secondMoments = Array(repeating: 0, count: parameters.count)
    }

    public mutating func step() {
        stepCount += 1
        let t = Double(stepCount)
        let decay = 1 - learningRate * weightDecay
        let stepSize = learningRate / (1 - PortableMath.pow(beta1, t))
        let biasCorrection2Sqrt = PortableMath.pow(1 - PortableMath.pow(beta2, t), 0.5)
        let parameters = self.parameters
        parameters.withUnsafeBufferPointer { p in
            Value.updateData(of: p) { i in
                let g = p[i].grad
                var data = p[i].data
                if weightDecay != 0 { data = data * decay }
                let m = AdamW.lerp(firstMoments[i], g, 1 - beta1)
                let v = (secondMoments[i] * beta2).addingProduct((1 - beta2) * g, g)
                firstMoments[i] = m
                secondMoments[i] = v
                let denominator = TorchMath.sqrt(v) / biasCorrection2Sqrt + epsilon
                return data + (-stepSize * m) / denominator
            }
        }
    }

    /// ATen's CPU `lerp` for a scalar weight: `start + weight * (end - start)` with one rounding.
    static func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
        abs(weight) < 0.5
            ? start.addingProduct(weight, end - start)
            : end.addingProduct(weight - 1, end - start)
    }
}
