extension Dataset where Label == Int {
    /// The yin-yang data set of EurekaLabsAI/micrograd (`gen_data_yinyang`, after
    /// lkriener/yin_yang_data_set), drawn from `rng` exactly as Eureka draws it: 2-D points in
    /// [-2, 2]² with class 0 (yin), 1 (yang) or 2 (the two dots).
    ///
    /// Point `i` wants class `i % 3`. Candidates are drawn as `x = rng.uniform(0, 2 * bigRadius)`,
    /// then `y` the same way; a candidate outside the big circle or of another class is thrown
    /// away and a new one drawn. A kept point is scaled to `((x / bigRadius - 1) * 2, ...)`.
    /// Distances are computed as Eureka writes them, `((dx)**2 + (dy)**2) ** 0.5`, with the
    /// correctly rounded `pow`. The first 80% of the points are the training split, the next 10% validation and
    /// the rest test (`int(0.8 * count)`, `int(0.9 * count)`).
    public static func yinYang(
        count: Int = 1000, smallRadius: Double = 0.1, bigRadius: Double = 0.5, rng: inout RNG
    ) -> DataSplits<Int> {
        let shape = YinYangShape(smallRadius: smallRadius, bigRadius: bigRadius)
        var inputs: [[Double]] = []
        var labels: [Int] = []
        inputs.reserveCapacity(count)
        labels.reserveCapacity(count)
        for i in 0..<count {
            let goal = i % 3
            while true {
                let x = rng.uniform(0, 2 * bigRadius)
                let y = rng.uniform(0, 2 * bigRadius)
                if shape.distance(x - bigRadius, y - bigRadius) > bigRadius { continue }
                if shape.classify(x, y) != goal { continue }
                inputs.append([(x / bigRadius - 1) * 2, (y / bigRadius - 1) * 2])
                labels.append(goal)
                break
            }
        }
        let all = Dataset(inputs: inputs, labels: labels)
        let trainEnd = Int(0.8 * Double(count)), validationEnd = Int(0.9 * Double(count))
        return DataSplits(
            train: all[0..<trainEnd], validation: all[trainEnd..<validationEnd], test: all[validationEnd..<count])
    }
}

/// The regions of the yin-yang picture (Eureka's `which_class`).
private struct YinYangShape {
    let smallRadius: Double
    let bigRadius: Double

    /// `(dx**2 + dy**2) ** 0.5`, with the correctly rounded `pow`
    /// (Python's `**` is the C library's, which agrees except on its rare misrounded inputs).
    func distance(_ dx: Double, _ dy: Double) -> Double {
        PortableMath.pow(PortableMath.pow(dx, 2) + PortableMath.pow(dy, 2), 0.5)
    }

    /// 2 inside either dot, otherwise 0 for yin and 1 for yang.
    func classify(_ x: Double, _ y: Double) -> Int {
        let right = distance(x - 1.5 * bigRadius, y - bigRadius)
        let left = distance(x - 0.5 * bigRadius, y - bigRadius)
        let yin =
            right <= smallRadius
            || (left > smallRadius && left <= 0.5 * bigRadius)
            || (y > bigRadius && right > 0.5 * bigRadius)
        if right < smallRadius || left < smallRadius { return 2 }
        return yin ? 0 : 1
    }
}
