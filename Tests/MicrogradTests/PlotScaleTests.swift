import Testing
@testable import Micrograd

/// The pieces of the pictures: round ticks, numbers, escaped text.
struct PlotScaleTests {
    @Test(
        "Ticks at 1, 2 or 5 times a power of ten cover the data",
        arguments: [
            (0.0...1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0], 1),
            (0.013...0.97, [0, 0.2, 0.4, 0.6, 0.8, 1.0], 1),
            (0.0...99.0, [0, 20, 40, 60, 80, 100], 0),
            (-1.2...2.3, [-2, -1, 0, 1, 2, 3], 0),
            (0.0012...0.0049, [0.001, 0.002, 0.003, 0.004, 0.005], 3),
            (5.0...5.0, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6], 1), // widened to 4.5...5.5 first
        ])
    func ticks(range: ClosedRange<Double>, expected: [Double], decimals: Int) {
        let scale = AxisScale(covering: range, pixels: (0, 100))
        #expect(scale.ticks.count == expected.count, "\(range): \(scale.ticks)")
        for (tick, value) in zip(scale.ticks, expected) { #expect(abs(tick - value) < 1e-12, "\(range): \(scale.ticks)") }
        #expect(scale.decimals == decimals)
        #expect(scale.pixel(scale.lower) == 0 && scale.pixel(scale.upper) == 100)
        #expect(scale.lower <= range.lowerBound && scale.upper >= range.upperBound)
    }

    @Test("Numbers: fixed decimals, trimmed coordinates, no negative zero")
    func numbers() {
        #expect(PlotNumber.text(0.30000000000000004, decimals: 1) == "0.3")
        #expect(PlotNumber.text(-0.0001, decimals: 2) == "0.00")
        #expect(PlotNumber.text(12.5, decimals: 2, trimmingZeros: true) == "12.5")
        #expect(PlotNumber.text(100, decimals: 2, trimmingZeros: true) == "100")
        #expect(PlotNumber.text(-1e-300, decimals: 2, trimmingZeros: true) == "0")
        #expect(PlotNumber.text(1e20, decimals: 0) == "100000000000000000000")
    }

    @Test("Text is escaped for elements and attributes")
    func escaping() {
        #expect(SVGCanvas.escaped(#"a < b & "c" > d"#) == "a &lt; b &amp; &quot;c&quot; &gt; d")
    }
}
