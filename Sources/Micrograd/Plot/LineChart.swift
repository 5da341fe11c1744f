/// Lines over a shared x axis, as SVG: a loss curve, an accuracy curve on a second y axis,
/// predictions beside their targets.
///
/// ```swift
/// let chart = LineChart(
///     title: "moons: loss and accuracy", xLabel: "step", yLabel: "loss",
///     series: [LineChart.Series(name: "loss", points: losses.enumerated().map { (Double($0), $1) })])
/// let document = chart.svg    // an SVG 1.1 document, ready to be written to a `.svg` file
/// ```
/// Every picture has its title, a legend with one entry per series, both axes with round
/// ticks and their labels.
public struct LineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable {
        /// How the points are drawn.
        public enum Style: Sendable {
            /// Joined by a solid line.
            case line
            /// Joined by a dashed line.
            case dashedLine
            /// Each point a dot, not joined.
            case dots
        }

        /// The name in the legend.
        public var name: String
        /// The points, `(x, y)`, in the order they are joined.
        public var points: [(x: Double, y: Double)]
        /// How the points are drawn.
        public var style: Style
        /// Whether the series is read on the right y axis instead of the left one.
        public var onRightAxis: Bool

        /// A series; the chart gives it the next colour of its palette.
        public init(name: String, points: [(x: Double, y: Double)], style: Style = .line, onRightAxis: Bool = false) {
            self.name = name
            self.points = points
            self.style = style
            self.onRightAxis = onRightAxis
        }
    }

    /// The picture's title.
    public var title: String
    /// The x axis's label.
    public var xLabel: String
    /// The left y axis's label.
    public var yLabel: String
    /// The right y axis's label, for series with ``Series/onRightAxis``.
    public var rightYLabel: String?
    /// The lines, drawn in order (the first under the others).
    public var series: [Series]
    /// The range the right axis must cover at least (such as 0...100 for a percentage).
    public var rightYRange: ClosedRange<Double>?

    /// A chart; nothing is drawn until ``svg`` is read.
    public init(
        title: String, xLabel: String, yLabel: String, rightYLabel: String? = nil, series: [Series],
        rightYRange: ClosedRange<Double>? = nil
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.rightYLabel = rightYLabel
        self.series = series
        self.rightYRange = rightYRange
    }

    /// The width and height of the picture, in pixels.
    public static let size = (width: 720.0, height: 440.0)

    /// The chart as an SVG document. Non-finite points are left out.
    public var svg: String {
        let left = series.filter { !$0.onRightAxis }, right = series.filter(\.onRightAxis)
        let hasRight = !right.isEmpty
        let frame = ChartFrame(width: LineChart.size.width, height: LineChart.size.height, rightAxis: hasRight)
        // Dots get room around them, so that none sits on the frame.
        let margin = series.contains { $0.style == .dots } ? 0.08 : 0
        let x = AxisScale(
            covering: LineChart.range(series.flatMap { $0.points.map(\.x) }, margin: margin), pixels: (frame.left, frame.right))
        let y = AxisScale(covering: LineChart.range(left.flatMap { $0.points.map(\.y) }, margin: margin), pixels: (frame.bottom, frame.top))
        let rightY =
            hasRight
            ? AxisScale(
                covering: LineChart.range(right.flatMap { $0.points.map(\.y) }, including: rightYRange),
                pixels: (frame.bottom, frame.top))
            : nil

        var canvas = SVGCanvas(width: LineChart.size.width, height: LineChart.size.height)
        let legend = series.enumerated().map { index, series in
            ChartFrame.LegendEntry(label: series.name, color: Palette.strong(index), swatch: LineChart.swatch(series.style))
        }
        frame.drawTitle(title, legend: legend, on: &canvas)
        frame.drawGrid(x: x, y: y, on: &canvas)
        for (index, series) in series.enumerated() {
            let scale = series.onRightAxis ? rightY ?? y : y
            let pixels = series.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x.pixel($0.x), scale.pixel($0.y)) }
            let color = Palette.strong(index)
            switch series.style {
            case .line: canvas.polyline(pixels, stroke: color, width: 2.5)
            case .dashedLine: canvas.polyline(pixels, stroke: color, width: 2.5, dashed: true)
            case .dots: for (px, py) in pixels { canvas.circle(x: px, y: py, radius: 5, fill: color, stroke: "#222222") }
            }
        }
        frame.drawAxes(
            x: x, xLabel: xLabel, y: y, yLabel: yLabel, rightY: rightY.map { ($0, rightYLabel ?? "") }, on: &canvas)
        return canvas.document(title: title)
    }

    private static func swatch(_ style: Series.Style) -> ChartFrame.LegendEntry.Swatch {
        switch style {
        case .line: .line
        case .dashedLine: .dashedLine
        case .dots: .dot
        }
    }

    /// The smallest range holding the finite `values` (and `extra`), widened by `margin` times
    /// its length on each side; 0...1 without any value.
    static func range(_ values: [Double], including extra: ClosedRange<Double>? = nil, margin: Double = 0) -> ClosedRange<Double> {
        var finite = values.filter(\.isFinite)
        if let extra { finite += [extra.lowerBound, extra.upperBound] }
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        let room = (high - low) * margin
        return (low - room)...(high + room)
    }
}
