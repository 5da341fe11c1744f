extension Dataset where Label == Double {
    /// Two interleaving half circles, labelled -1 and +1: our own twin of scikit-learn's
    /// `make_moons(n_samples: count, noise: noise, shuffle=False)` drawing from ``RNG``, as the
    /// `Reference/micrograd_ref` twin does (karpathy's demo uses sklearn, which is not available).
    ///
    /// The algorithm, in this order:
    /// 1. `outer = count / 2` points `(cos t, sin t)` with label -1, then `count - outer` points
    ///    `(1 - cos t, 1 - sin t - 0.5)` with label +1, where `t` runs over numpy's
    ///    `linspace(0, pi, m)`: `t[i] = i * (pi / (m - 1))`, and `t[m - 1] = pi` exactly.
    /// 2. For each point in that order, Gaussian noise by Box–Muller:
    ///    `u1 = 1 - rng.random()` (in (0, 1]), `u2 = rng.random()`, `r = sqrt(-2 * log(u1))`,
    ///    `theta = 2 * pi * u2`; then `x += noise * (r * cos(theta))` and
    ///    `y += noise * (r * sin(theta))`.
    ///
    /// Labels are micrograd's demo's `y * 2 - 1`. `log`, `sin` and `cos` are `PortableMath`'s,
    /// correctly rounded, so the points are the same on every platform.
    public static func moons(count: Int = 100, noise: Double = 0.1, rng: inout RNG) -> Dataset<Double> {
        let outer = count / 2
        var inputs: [[Double]] = []
        var labels: [Double] = []
        inputs.reserveCapacity(count)
        labels.reserveCapacity(count)
        for t in linspace(0, Double.pi, outer) {
            inputs.append([PortableMath.cos(t), PortableMath.sin(t)])
            labels.append(-1)
        }
        for t in linspace(0, Double.pi, count - outer) {
            inputs.append([1 - PortableMath.cos(t), 1 - PortableMath.sin(t) - 0.5])
            labels.append(1)
        }
        for i in inputs.indices {
            let u1 = 1 - rng.random()
            let u2 = rng.random()
            let radius = (-2 * PortableMath.log(u1)).squareRoot()
            let theta = 2 * Double.pi * u2
            inputs[i][0] += noise * (radius * PortableMath.cos(theta))
            inputs[i][1] += noise * (radius * PortableMath.sin(theta))
        }
        return Dataset(inputs: inputs, labels: labels)
    }
}

/// numpy's `linspace(start, stop, count)`: `start + i * ((stop - start) / (count - 1))`, with
/// the last point exactly `stop`.
func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    guard count > 1 else { return count == 1 ? [start] : [] }
    let step = (stop - start) / Double(count - 1)
    var points = (0..<count).map { Double($0) * step + start }
    points[count - 1] = stop
    return points
}
