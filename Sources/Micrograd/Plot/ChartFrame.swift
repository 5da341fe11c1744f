/// The parts every picture shares: a title, a legend row under it, a plot area with axes,
/// ticks, tick labels, light grid lines and axis labels.
struct ChartFrame {
    /// One legend entry: a swatch in `color` drawn as a line, a dot or a square.
    struct LegendEntry {
        enum Swatch {
            case line, dashedLine, dot
            /// A dot on a square of the lighter `tint`: a class's points and its region.
            case dotOnSquare(tint: String)
        }
        var label: String
        var color: String
        var swatch: Swatch
    }

    static let titleSize = 18.0, labelSize = 14.0, tickSize = 12.0
    static let axisColor = "#444444", gridColor = "#e3e3e3"

    /// The plot area, in pixels.
    let left: Double, top: Double, right: Double, bottom: Double

    /// Whether a subtitle line sits between the title and the legend.
    let subtitled: Bool

    /// A frame of `width`×`height` pixels; `rightAxis` leaves room for a second y axis.
    init(width: Double, height: Double, rightAxis: Bool = false, subtitled: Bool = false) {
        self.subtitled = subtitled
        left = 78
        top = subtitled ? 98 : 78
        right = width - (rightAxis ? 78 : 28)
        bottom = height - 62
    }

    /// Draws the title (centred over the plot area), the subtitle and the legend row under it.
    func drawTitle(_ title: String, subtitle: String? = nil, legend: [LegendEntry], on canvas: inout SVGCanvas) {
        canvas.text(title, x: (left + right) / 2, y: 28, size: ChartFrame.titleSize, anchor: .middle, bold: true)
        if let subtitle {
            canvas.text(subtitle, x: (left + right) / 2, y: 50, size: ChartFrame.labelSize, anchor: .middle, color: "#555555")
        }
        // Entries side by side, centred; each is a 24-pixel swatch, a gap, its label.
        let widths = legend.map { 24 + 8 + ChartFrame.textWidth($0.label, size: ChartFrame.labelSize) + 22 }
        var x = (left + right) / 2 - widths.reduce(0, +) / 2
        let y = subtitled ? 76.0 : 56.0
        for (entry, width) in zip(legend, widths) {
            switch entry.swatch {
            case .line: canvas.line(from: (x, y - 5), to: (x + 24, y - 5), stroke: entry.color, width: 3)
            case .dashedLine: canvas.polyline([(x, y - 5), (x + 24, y - 5)], stroke: entry.color, width: 3, dashed: true)
            case .dot: canvas.circle(x: x + 12, y: y - 5, radius: 5, fill: entry.color, stroke: "#222222")
            case .dotOnSquare(let tint):
                canvas.rect(x: x + 2, y: y - 15, width: 20, height: 20, fill: tint, stroke: "#999999")
                canvas.circle(x: x + 12, y: y - 5, radius: 5, fill: entry.color, stroke: "#222222")
            }
            canvas.text(entry.label, x: x + 32, y: y, size: ChartFrame.labelSize)
            x += width
        }
    }

    /// Draws the grid lines of both scales (under the data).
    func drawGrid(x: AxisScale, y: AxisScale, on canvas: inout SVGCanvas) {
        for tick in x.ticks { canvas.line(from: (x.pixel(tick), top), to: (x.pixel(tick), bottom), stroke: ChartFrame.gridColor) }
        for tick in y.ticks { canvas.line(from: (left, y.pixel(tick)), to: (right, y.pixel(tick)), stroke: ChartFrame.gridColor) }
    }

    /// Draws the plot area's border, the x axis along the bottom and the y axis on the left
    /// (and `rightY` on the right), with ticks, tick labels and axis labels (over the data).
    func drawAxes(
        x: AxisScale, xLabel: String, y: AxisScale, yLabel: String, rightY: (scale: AxisScale, label: String)? = nil,
        on canvas: inout SVGCanvas
    ) {
        canvas.rect(x: left, y: top, width: right - left, height: bottom - top, fill: "none", stroke: ChartFrame.axisColor)
        for tick in x.ticks {
            let px = x.pixel(tick)
            canvas.line(from: (px, bottom), to: (px, bottom + 6), stroke: ChartFrame.axisColor)
            canvas.text(x.label(tick), x: px, y: bottom + 21, size: ChartFrame.tickSize, anchor: .middle)
        }
        canvas.text(xLabel, x: (left + right) / 2, y: bottom + 46, size: ChartFrame.labelSize, anchor: .middle)
        for tick in y.ticks {
            let py = y.pixel(tick)
            canvas.line(from: (left - 6, py), to: (left, py), stroke: ChartFrame.axisColor)
            canvas.text(y.label(tick), x: left - 10, y: py + 4, size: ChartFrame.tickSize, anchor: .end)
        }
        canvas.text(yLabel, x: 22, y: (top + bottom) / 2, size: ChartFrame.labelSize, anchor: .middle, rotated: true)
        if let (scale, label) = rightY {
            for tick in scale.ticks {
                let py = scale.pixel(tick)
                canvas.line(from: (right, py), to: (right + 6, py), stroke: ChartFrame.axisColor)
                canvas.text(scale.label(tick), x: right + 10, y: py + 4, size: ChartFrame.tickSize)
            }
            canvas.text(label, x: right + 62, y: (top + bottom) / 2, size: ChartFrame.labelSize, anchor: .middle, rotated: true)
        }
    }

    /// An estimate of the width of `text` in a sans-serif font: enough to lay out a legend.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }
}
