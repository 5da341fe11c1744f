/// A classifier's decision regions over the plane, with the labelled points drawn on them, as
/// SVG (karpathy's moons picture, or yin-yang's three classes).
///
/// ```swift
/// let chart = DecisionBoundaryChart(
///     title: "moons: decision boundary after 100 steps", classNames: session.classNames,
///     points: session.points, classes: session.classes) { point in session.predictedClass(of: point) }
/// ```
/// Every picture has its title, a legend with one entry per class, both axes with round ticks
/// and their labels.
public struct DecisionBoundaryChart: Sendable {
    /// The picture's title.
    public var title: String
    /// The x axis's label (the points' first coordinate).
    public var xLabel: String
    /// The y axis's label (the points' second coordinate).
    public var yLabel: String
    /// The classes' names, in class order.
    public var classNames: [String]
    /// The points, `[x, y]` each.
    public var points: [[Double]]
    /// The class of each point, an index into ``classNames``.
    public var classes: [Int]
    /// The x range shown: the points' range widened by a tenth on each side, out to round ticks.
    public var xRange: ClosedRange<Double> { xAxis.lower...xAxis.upper }
    /// The y range shown, as ``xRange``.
    public var yRange: ClosedRange<Double> { yAxis.lower...yAxis.upper }
    private let xAxis: AxisScale, yAxis: AxisScale
    /// The predicted class over a grid covering the ranges: `regions[row][column]`, row 0 at
    /// the top.
    public let regions: [[Int]]

    /// Classifies the centre of each cell of a `resolution`×`resolution` grid over the points'
    /// range widened by a tenth on every side (and out to round ticks).
    ///
    /// - Parameters:
    ///   - title: the picture's title.
    ///   - xLabel: the x axis's label.
    ///   - yLabel: the y axis's label.
    ///   - classNames: the classes' names, in class order (the legend).
    ///   - points: the points to draw, `[x, y]` each.
    ///   - classes: each point's class, an index into `classNames`.
    ///   - resolution: the number of grid cells along each axis.
    ///   - classify: the class of a point `[x, y]`, an index into `classNames`.
    public init(
        title: String, xLabel: String = "x₁", yLabel: String = "x₂", classNames: [String], points: [[Double]],
        classes: [Int], resolution: Int = 120, classify: ([Double]) -> Int
    ) {
        precondition(points.allSatisfy { $0.count == 2 }, "DecisionBoundaryChart: every point needs two coordinates")
        precondition(points.count == classes.count, "DecisionBoundaryChart: \(points.count) points for \(classes.count) classes")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.classNames = classNames
        self.points = points
        self.classes = classes
        let frame = DecisionBoundaryChart.frame
        xAxis = AxisScale(covering: DecisionBoundaryChart.widened(points.map { $0[0] }), pixels: (frame.left, frame.right))
        yAxis = AxisScale(covering: DecisionBoundaryChart.widened(points.map { $0[1] }), pixels: (frame.bottom, frame.top))
        let cells = max(1, resolution)
        let (xs, ys) = (xAxis.lower...xAxis.upper, yAxis.lower...yAxis.upper)
        regions = (0..<cells).map { row in
            let y = ys.upperBound - (Double(row) + 0.5) / Double(cells) * (ys.upperBound - ys.lowerBound)
            return (0..<cells).map { column in
                classify([xs.lowerBound + (Double(column) + 0.5) / Double(cells) * (xs.upperBound - xs.lowerBound), y])
            }
        }
    }

    /// The width and height of the picture, in pixels.
    public static let size = (width: 720.0, height: 600.0)

    private static let frame = ChartFrame(width: size.width, height: size.height, subtitled: true)

    /// The chart as an SVG document: regions in light tints, points in the classes' strong
    /// colours.
    public var svg: String {
        let frame = DecisionBoundaryChart.frame
        // The axes span exactly the classified ranges, so the regions fill the plot area.
        let (x, y) = (xAxis, yAxis)
        var canvas = SVGCanvas(width: DecisionBoundaryChart.size.width, height: DecisionBoundaryChart.size.height)
        let legend = classNames.enumerated().map { index, name in
            ChartFrame.LegendEntry(label: name, color: Palette.strong(index), swatch: .dotOnSquare(tint: Palette.tint(index)))
        }
        frame.drawTitle(title, subtitle: "dots: training points · shading: the class the model predicts", legend: legend, on: &canvas)
        canvas.rect(x: frame.left, y: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top, fill: "#f4f4f4")
        drawRegions(x: x, y: y, on: &canvas)
        for (point, label) in zip(points, classes) {
            canvas.circle(
                x: x.pixel(point[0]), y: y.pixel(point[1]), radius: 4.5, fill: Palette.strong(label), stroke: "#1a1a1a", strokeWidth: 0.8)
        }
        frame.drawAxes(x: x, xLabel: xLabel, y: y, yLabel: yLabel, on: &canvas)
        return canvas.document(title: title)
    }

    /// Each row of the grid as runs of one class, one rectangle per run.
    private func drawRegions(x: AxisScale, y: AxisScale, on canvas: inout SVGCanvas) {
        let rows = regions.count
        for (row, classes) in regions.enumerated() {
            let top = yRange.upperBound - Double(row) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
            let bottom = yRange.upperBound - Double(row + 1) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
            var start = 0
            while start < classes.count {
                var end = start + 1
                while end < classes.count && classes[end] == classes[start] { end += 1 }
                let left = xRange.lowerBound + Double(start) / Double(classes.count) * (xRange.upperBound - xRange.lowerBound)
                let right = xRange.lowerBound + Double(end) / Double(classes.count) * (xRange.upperBound - xRange.lowerBound)
                canvas.rect(
                    x: x.pixel(left), y: y.pixel(top), width: x.pixel(right) - x.pixel(left),
                    height: y.pixel(bottom) - y.pixel(top), fill: Palette.tint(classes[start]), crisp: true)
                start = end
            }
        }
    }

    /// The range of `values` widened by a tenth of its length (at least 0.1) on each side.
    private static func widened(_ values: [Double]) -> ClosedRange<Double> {
        let range = LineChart.range(values)
        let margin = max(0.1, (range.upperBound - range.lowerBound) / 10)
        return (range.lowerBound - margin)...(range.upperBound + margin)
    }
}
