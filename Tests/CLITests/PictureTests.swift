import Foundation
import Micrograd
import Testing

/// Every kind of picture the package draws is a valid SVG document with its title, legend,
/// ticks and axis labels, and `rsvg-convert` draws it at its size.
@Suite("SVG pictures")
struct PictureTests {
    /// One picture of each kind, with known content.
    static let pictures: [(name: String, svg: String, texts: [String])] = [
        (
            "line chart with a right axis",
            LineChart(
                title: "loss & <accuracy>", xLabel: "step", yLabel: "loss", rightYLabel: "accuracy (%)",
                series: [
                    LineChart.Series(name: "loss", points: [(0, 1.0), (1, 0.5), (2, 0.25)]),
                    LineChart.Series(name: "accuracy", points: [(0, 50), (1, 75), (2, 100)], style: .dashedLine, onRightAxis: true),
                ], rightYRange: 0...100
            ).svg,
            ["loss & <accuracy>", "loss", "accuracy", "step", "accuracy (%)", "0.0", "0.5", "2.0", "0.2", "0", "100"]
        ),
        (
            "dots",
            LineChart(
                title: "predictions", xLabel: "sample", yLabel: "output",
                series: [LineChart.Series(name: "target", points: [(1, 1), (2, -1)], style: .dots)]
            ).svg,
            ["predictions", "target", "sample", "output"]
        ),
        (
            "decision boundary",
            DecisionBoundaryChart(
                title: "left or right", classNames: ["left", "right"], points: [[-1, 0], [1, 0], [1, 1]], classes: [0, 1, 1]
            ) { $0[0] < 0 ? 0 : 1 }.svg,
            ["left or right", "left", "right", "x₁", "x₂"]
        ),
    ]

    @Test("Each picture is a valid SVG document with its title, legend, tick and axis labels", arguments: pictures.indices)
    func valid(index: Int) throws {
        let picture = Self.pictures[index]
        let summary = try SVGCheck.validate(picture.svg)
        #expect(summary.title == picture.texts[0], "\(picture.name)")
        for text in picture.texts { #expect(summary.texts.contains(text), "\(picture.name): no text \"\(text)\" in \(summary.texts)") }
    }

    @Test(
        "rsvg-convert draws each picture at its size",
        .enabled(if: SVGCheck.converter != nil, "rsvg-convert is not installed (apt-get install librsvg2-bin)"),
        arguments: pictures.indices)
    func renders(index: Int) throws {
        let picture = Self.pictures[index]
        let png = try SVGCheck.render(picture.svg, converter: try #require(SVGCheck.converter))
        let summary = try SVGCheck.validate(picture.svg)
        let size = Self.pngSize(png)
        #expect(
            Double(size.0) == SVGCheck.length(summary.width) && Double(size.1) == SVGCheck.length(summary.height),
            "\(picture.name): \(size)")
    }

    @Test("The checks refuse an invalid document: unclosed element, unescaped text, no title, no svg root")
    func invalidRefused() throws {
        let broken = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>t</title><rect></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>a < b</title></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>"#,
            #"<html><title>t</title></html>"#,
        ]
        for document in broken {
            #expect(throws: SVGCheck.Invalid.self, "\(document)") { try SVGCheck.validate(document) }
        }
        if let converter = SVGCheck.converter {
            #expect(throws: SVGCheck.Invalid.self) { try SVGCheck.render(broken[0], converter: converter) }
        }
    }

    @Test("The decision boundary's regions are the classifier's classes at the cell centres")
    func regions() {
        let chart = DecisionBoundaryChart(
            title: "t", classNames: ["below", "above"], points: [[0, 0], [1, 1]], classes: [0, 1], resolution: 10
        ) { $0[1] > $0[0] ? 1 : 0 }
        #expect(chart.regions.count == 10 && chart.regions.allSatisfy { $0.count == 10 })
        let (xs, ys) = (chart.xRange, chart.yRange)
        for row in 0..<10 {
            for column in 0..<10 {
                let x = xs.lowerBound + (Double(column) + 0.5) / 10 * (xs.upperBound - xs.lowerBound)
                let y = ys.upperBound - (Double(row) + 0.5) / 10 * (ys.upperBound - ys.lowerBound)
                #expect(chart.regions[row][column] == (y > x ? 1 : 0), "cell \(row), \(column)")
            }
        }
        #expect(xs.lowerBound <= -0.1 && xs.upperBound >= 1.1, "the points' range widened by a tenth: \(xs)")
    }

    /// A PNG's width and height, from its IHDR chunk.
    static func pngSize(_ png: Data) -> (Int, Int) {
        let bytes = [UInt8](png)
        guard bytes.count > 24 else { return (0, 0) }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}
