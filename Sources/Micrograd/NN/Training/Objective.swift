/// A training run's data and loss.
enum Objective {
    case squaredError(Dataset<Double>)
    case maxMargin(Dataset<Double>, l2: Double)
    case crossEntropy(Dataset<Int>)

    init(_ spec: ModelSpec, rng: inout RNG) {
        switch (spec.loss.kind, spec.dataset.kind) {
        case (.squaredError, _):
            self = .squaredError(Objective.regressionData(spec.dataset, rng: &rng))
        case (.maxMargin, _):
            self = .maxMargin(Objective.regressionData(spec.dataset, rng: &rng), l2: spec.loss.l2 ?? 0)
        case (.crossEntropy, .yinyang):
            self = .crossEntropy(Dataset.yinYang(count: spec.dataset.count ?? 1000, rng: &rng).train)
        case (.crossEntropy, let kind):
            preconditionFailure("crossEntropy needs class labels; the \(kind) data set has ±1 targets")
        }
    }

    static func regressionData(_ spec: ModelSpec.DatasetSpec, rng: inout RNG) -> Dataset<Double> {
        switch spec.kind {
        case .lecture: Dataset.lecture
        case .moons: Dataset.moons(count: spec.count ?? 100, noise: spec.noise ?? 0.1, rng: &rng)
        case .yinyang: preconditionFailure("the yinyang data set has class labels; use crossEntropy")
        }
    }

    /// The step's loss, recorded as the original scripts record it, and how many points the
    /// model's outputs classify right (read from the outputs' data: no node is added).
    func loss(of model: MLP, parameters: [Value]) -> (loss: Value, correct: Int) {
        switch self {
        case .squaredError(let data):
            // The lecture: ypred = [n(x) for x in xs], then the loss.
            let predictions = data.inputs.map { model($0)[0] }
            return (Loss.squaredError(predictions: predictions, targets: data.labels), correct(predictions, data.labels))
        case .maxMargin(let data, let alpha):
            // The moons demo: scores = list(map(model, inputs)) with Value inputs, then the loss.
            let scores = data.inputs.map { model($0.map { Value($0) })[0] }
            let loss = Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: alpha)
            return (loss, correct(scores, data.labels))
        case .crossEntropy(let data):
            // Eureka's loss_fun: total = Value(0.0); total = total + cross_entropy(model(x), y).
            var total = Value(0.0)
            var right = 0
            for (x, y) in zip(data.inputs, data.labels) {
                let logits = model(x)
                total = total + Loss.crossEntropy(logits: logits, target: y)
                if Objective.largest(logits) == y { right += 1 }
            }
            return (total * (1.0 / Double(data.count)), right)
        }
    }

    /// How many scores have their target's sign (karpathy's `(yi > 0) == (scorei.data > 0)`).
    private func correct(_ scores: [Value], _ targets: [Double]) -> Int {
        zip(scores, targets).count { ($0.data > 0) == ($1 > 0) }
    }

    /// The index of the largest output (the first of equal ones).
    private static func largest(_ outputs: [Value]) -> Int {
        outputs.indices.max { outputs[$0].data < outputs[$1].data } ?? 0
    }

    var points: [[Double]] {
        switch self {
        case .squaredError(let data), .maxMargin(let data, _): data.inputs
        case .crossEntropy(let data): data.inputs
        }
    }

    var classes: [Int] {
        switch self {
        case .squaredError(let data), .maxMargin(let data, _): data.labels.map { $0 > 0 ? 1 : 0 }
        case .crossEntropy(let data): data.labels
        }
    }

    var classNames: [String] {
        switch self {
        case .squaredError, .maxMargin: ["−1", "+1"]
        case .crossEntropy: ["yin", "yang", "dot"]
        }
    }

    func predictedClass(_ outputs: [Value]) -> Int {
        switch self {
        case .squaredError, .maxMargin: outputs[0].data > 0 ? 1 : 0
        case .crossEntropy: Objective.largest(outputs)
        }
    }
}
