/// Runs the training loops of the parity suite (see ``ModelSpec``).
public enum Training {
    /// Trains the spec's model and records its losses, some gradients and the final parameters.
    ///
    /// Each step: forward the whole data set and the loss, forget the gradients (torch's
    /// `zero_grad()`, to `None`), backward, record, update.
    public static func run(_ spec: ModelSpec) -> TrainingRecord {
        var rng = RNG(seed: spec.seed)
        let objective = Objective(spec, rng: &rng)
        let model = MLP(
            spec.model.inputs, spec.model.layers, activation: spec.model.activation,
            outputActivation: spec.model.outputActivation, initializer: spec.model.initializer, rng: &rng)
        let parameters = model.parameters()
        var optimizer = makeOptimizer(spec.optimizer, parameters: parameters)
        let recordedSteps = Set([0, 1, spec.steps - 1])
        var record = TrainingRecord(losses: [], gradients: [:], finalParameters: [])
        record.losses.reserveCapacity(spec.steps)
        for k in 0..<spec.steps {
            let loss = objective.loss(of: model, parameters: parameters)
            for parameter in parameters { parameter.zeroGrad() }
            loss.backward()
            record.losses.append(loss.data)
            if recordedSteps.contains(k) { record.gradients[k] = parameters.map(\.grad) }
            optimizer.step()
        }
        record.finalParameters = parameters.map(\.data)
        return record
    }

    /// The optimizer a spec describes.
    static func makeOptimizer(_ spec: ModelSpec.OptimizerSpec, parameters: [Value]) -> any Optimizer {
        switch spec.kind {
        case .sgd:
            let rate = spec.learningRate, decay = spec.learningRateDecay ?? 0, over = Double(spec.decaySteps ?? 1)
            if decay == 0 { return SGD(parameters: parameters, learningRate: rate) }
            return SGD(parameters: parameters, learningRate: { k in rate - decay * Double(k) / over })
        case .adamw:
            return AdamW(
                parameters: parameters, learningRate: spec.learningRate, beta1: spec.beta1 ?? 0.9,
                beta2: spec.beta2 ?? 0.999, epsilon: spec.epsilon ?? 1e-8, weightDecay: spec.weightDecay ?? 1e-2)
        }
    }
}

/// A training run's data and loss.
private enum Objective {
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

    /// The step's loss, recorded as the original scripts record it.
    func loss(of model: MLP, parameters: [Value]) -> Value {
        switch self {
        case .squaredError(let data):
            // The lecture: ypred = [n(x) for x in xs], then the loss.
            let predictions = data.inputs.map { model($0)[0] }
            return Loss.squaredError(predictions: predictions, targets: data.labels)
        case .maxMargin(let data, let alpha):
            // The moons demo: scores = list(map(model, inputs)) with Value inputs, then the loss.
            let scores = data.inputs.map { model($0.map { Value($0) })[0] }
            return Loss.maxMargin(scores: scores, labels: data.labels) + Loss.l2(parameters, alpha: alpha)
        case .crossEntropy(let data):
            // Eureka's loss_fun: total = Value(0.0); total = total + cross_entropy(model(x), y).
            var total = Value(0.0)
            for (x, y) in zip(data.inputs, data.labels) {
                total = total + Loss.crossEntropy(logits: model(x), target: y)
            }
            return total * (1.0 / Double(data.count))
        }
    }
}
