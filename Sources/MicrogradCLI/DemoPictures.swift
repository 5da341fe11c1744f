import Micrograd

/// The pictures of a demo run.
struct DemoPictures {
    /// One picture: its file name suffix, what it shows, its SVG.
    struct Picture {
        let suffix: String
        let what: String
        let svg: String
    }

    let all: [Picture]

    init(name: DemoName, spec: ModelSpec, session: TrainingSession, history: [TrainingStep]) {
        let steps = "\(history.count) step\(history.count == 1 ? "" : "s")"
        let architecture = "MLP(\(spec.model.inputs), \(spec.model.layers))"
        let first: Picture
        if session.points.allSatisfy({ $0.count == 2 }) {
            let chart = DecisionBoundaryChart(
                title: "\(name.rawValue): \(architecture) after \(steps)", classNames: session.classNames,
                points: session.points, classes: session.classes
            ) { session.predictedClass(of: $0) }
            first = Picture(
                suffix: "boundary", what: "the decision regions and the \(session.points.count) training points", svg: chart.svg)
        } else {
            // The lecture's samples have three coordinates: show each prediction beside its
            // target (a little to the left of the sample's tick, the prediction to its right).
            let targets = session.classes.map { $0 == 1 ? 1.0 : -1.0 }
            let predictions = session.points.map { session.model($0)[0].data }
            let chart = LineChart(
                title: "\(name.rawValue): predictions of \(architecture) after \(steps)", xLabel: "sample",
                yLabel: "output",
                series: [
                    LineChart.Series(name: "target", points: targets.enumerated().map { (Double($0 + 1) - 0.08, $1) }, style: .dots),
                    LineChart.Series(
                        name: "prediction", points: predictions.enumerated().map { (Double($0 + 1) + 0.08, $1) }, style: .dots),
                ])
            first = Picture(suffix: "predictions", what: "each sample's prediction beside its target", svg: chart.svg)
        }
        let curves = LineChart(
            title: "\(name.rawValue): loss and accuracy over \(steps)", xLabel: "step", yLabel: "loss",
            rightYLabel: "accuracy (%)",
            series: [
                LineChart.Series(name: "loss", points: history.map { (Double($0.step), $0.loss) }),
                LineChart.Series(
                    name: "accuracy", points: history.map { (Double($0.step), 100 * $0.accuracy) }, style: .dashedLine, onRightAxis: true),
            ],
            rightYRange: 0...100)
        all = [first, Picture(suffix: "training", what: "loss and accuracy per step", svg: curves.svg)]
    }
}
