/// A linear map from data values to pixels, with round-numbered ticks that cover the data.
struct AxisScale {
    /// The data range shown, from one outer tick to the other.
    let lower: Double, upper: Double
    /// The ticks' values, from `lower` to `upper`.
    let ticks: [Double]
    /// Decimals that tell the ticks apart.
    let decimals: Int
    /// The pixels `lower` and `upper` map to.
    let start: Double, end: Double

    /// A scale covering `range` with about `count` ticks at 1, 2 or 5 times a power of ten.
    init(covering range: ClosedRange<Double>, pixels: (start: Double, end: Double), about count: Int = 5) {
        var low = range.lowerBound, high = range.upperBound
        if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
        if high - low < 1e-12 * max(1, abs(low)) { (low, high) = (low - 0.5, high + 0.5) }
        let rough = (high - low) / Double(max(1, count))
        let (power, exponent) = AxisScale.decade(rough)
        let multiple = [1.0, 2, 5].first { $0 * power >= rough * (1 - 1e-9) }
        let step = (multiple ?? 10) * power
        let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        lower = first * step
        upper = last * step
        decimals = max(0, -(multiple == nil ? exponent + 1 : exponent))
        start = pixels.start
        end = pixels.end
    }

    /// The pixel of `value`.
    func pixel(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The label of a tick.
    func label(_ value: Double) -> String { PlotNumber.text(value, decimals: decimals) }

    /// The largest power of ten not above `x` (x > 0, up to rounding) and its exponent.
    private static func decade(_ x: Double) -> (power: Double, exponent: Int) {
        var power = 1.0, exponent = 0
        while power > x * (1 + 1e-9) { power /= 10; exponent -= 1 }
        while power * 10 <= x * (1 + 1e-9) { power *= 10; exponent += 1 }
        return (power, exponent)
    }
}
