import Foundation
import Micrograd

/// One training run of the side-by-side benchmark: a spec of `Reference/cases/models.json`
/// (the parity suite's moons, yin-yang and lecture runs), its data and initial parameters drawn
/// as ``TrainingSession`` draws them, and the engine's step written two ways.
struct Workload {
    let spec: ModelSpec
    /// The points trained on.
    let points: [[Double]]
    /// The ±1 targets (moons, the lecture), or nil.
    let targets: [Double]?
    /// The class indices (yin-yang), or nil.
    let classes: [Int]?

    /// Reads `name`'s spec from the package's `Reference/cases/models.json`.
    init(named name: String, packageRoot: String) {
        let path = "\(packageRoot)/Reference/cases/models.json"
        guard let json = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        let specs: [ModelSpec]
        do { specs = try JSONDecoder().decode([ModelSpec].self, from: json) } catch {
            fatalError("\(path): \(error)")
        }
        guard let spec = specs.first(where: { $0.name == name }) else {
            fatalError("\(path) has no run named \(name) (it has \(specs.map(\.name)))")
        }
        self.spec = spec
        var rng = RNG(seed: spec.seed)
        switch spec.dataset.kind {
        case .lecture:
            let data = Dataset.lecture
            (points, targets, classes) = (data.inputs, data.labels, nil)
        case .moons:
            let data = Dataset.moons(count: spec.dataset.count ?? 100, noise: spec.dataset.noise ?? 0.1, rng: &rng)
            (points, targets, classes) = (data.inputs, data.labels, nil)
        case .yinyang:
            let data = Dataset.yinYang(count: spec.dataset.count ?? 1000, rng: &rng).train
            (points, targets, classes) = (data.inputs, nil, data.labels)
        }
    }

    var name: String { spec.name }

    /// The model, drawn from the spec's RNG after the data set (a fresh copy each call).
    func makeModel() -> MLP {
        var rng = RNG(seed: spec.seed)
        switch spec.dataset.kind {
        case .lecture: break
        case .moons: _ = Dataset.moons(count: spec.dataset.count ?? 100, noise: spec.dataset.noise ?? 0.1, rng: &rng)
        case .yinyang: _ = Dataset.yinYang(count: spec.dataset.count ?? 1000, rng: &rng)
        }
        let m = spec.model
        return MLP(
            m.inputs, m.layers, activation: m.activation, outputActivation: m.outputActivation,
            initializer: m.initializer, rng: &rng)
    }

    /// The learning rate of SGD step `k`: the spec's linear decay, restarted every `decaySteps`
    /// steps so that a long benchmark never reaches a negative rate (peers use the same rule).
    func learningRate(_ k: Int) -> Double {
        let o = spec.optimizer
        let decay = o.learningRateDecay ?? 0, over = o.decaySteps ?? 1
        return o.learningRate - decay * Double(k % over) / Double(over)
    }

    func makeOptimizer(_ parameters: [Value]) -> any Optimizer {
        let o = spec.optimizer
        switch o.kind {
        case .sgd: return SGD(parameters: parameters, learningRate: learningRate)
        case .adamw:
            return AdamW(
                parameters: parameters, learningRate: o.learningRate, beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999,
                epsilon: o.epsilon ?? 1e-8, weightDecay: o.weightDecay ?? 1e-2)
        }
    }

    /// How the engine's step is written.
    enum Form {
        /// With the package's helpers: `Loss.maxMargin`, `Loss.l2`, `Loss.squaredError`,
        /// `Loss.crossEntropy` (as ``TrainingSession`` does).
        case api
        /// The lecture's way, operators only: the losses summed with `+` from `Value(0.0)`, the
        /// L2 penalty a chain of `p * p` additions, the cross-entropy written out.
        case plain
    }

    /// A fresh model and optimizer, and a function taking one training step and returning its
    /// loss (before the update).
    func engineStep(_ form: Form) -> () -> Double {
        let model = makeModel()
        let parameters = model.parameters()
        var optimizer = makeOptimizer(parameters)
        let loss: () -> Value
        switch (spec.loss.kind, form) {
        case (.maxMargin, _):
            let targets = self.targets!, alpha = spec.loss.l2 ?? 0, points = self.points
            loss = {
                // The demo: inputs wrapped in `Value`s, the model called point by point.
                let scores = points.map { model($0.map { Value($0) })[0] }
                if form == .api { return Loss.maxMargin(scores: scores, labels: targets) + Loss.l2(parameters, alpha: alpha) }
                var dataLoss = Value(0.0)
                for (y, score) in zip(targets, scores) { dataLoss = dataLoss + (1 + -y * score).relu() }
                var penalty = Value(0.0)
                for p in parameters { penalty = penalty + p * p }
                return dataLoss * (1.0 / Double(scores.count)) + alpha * penalty
            }
        case (.squaredError, _):
            let targets = self.targets!, points = self.points
            loss = {
                let predictions = points.map { model($0)[0] }
                if form == .api { return Loss.squaredError(predictions: predictions, targets: targets) }
                var total = Value(0.0)
                for (prediction, target) in zip(predictions, targets) { total = total + (prediction - target) ** 2 }
                return total
            }
        case (.crossEntropy, _):
            let classes = self.classes!, points = self.points
            loss = {
                var total = Value(0.0)
                for (x, y) in zip(points, classes) {
                    let logits = model(x)
                    if form == .api {
                        total = total + Loss.crossEntropy(logits: logits, target: y)
                        continue
                    }
                    let ex = logits.map { $0.exp() }
                    var denominator = Value(0.0)
                    for e in ex { denominator = denominator + e }
                    total = total + -(ex[y] / denominator).log()
                }
                return total * (1.0 / Double(points.count))
            }
        }
        return {
            let total = loss()
            model.zeroGrad()
            total.backward()
            optimizer.step()
            return total.data
        }
    }

    /// The number of graph nodes of one step as micrograd counts them (the `Loss` form's).
    var graphNodes: Int {
        let model = makeModel()
        var count = 0
        switch spec.loss.kind {
        case .maxMargin:
            let scores = points.map { model($0.map { Value($0) })[0] }
            count =
                (Loss.maxMargin(scores: scores, labels: targets!) + Loss.l2(model.parameters(), alpha: spec.loss.l2 ?? 0))
                .graphNodeCount
        case .squaredError:
            count = Loss.squaredError(predictions: points.map { model($0)[0] }, targets: targets!).graphNodeCount
        case .crossEntropy:
            var total = Value(0.0)
            for (x, y) in zip(points, classes!) { total = total + Loss.crossEntropy(logits: model(x), target: y) }
            count = (total * (1.0 / Double(points.count))).graphNodeCount
        }
        return count
    }

    /// What the Python peers are given (`Benchmarks/peers.py`).
    func peerWorkload(microgradPath: String) -> PeerWorkload {
        PeerWorkload(
            name: name, spec: spec, parameters: makeModel().parameters().map(\.data), points: points,
            targets: targets, classes: classes, microgradPath: microgradPath)
    }
}

/// A workload as JSON for `Benchmarks/peers.py`: its spec, data and initial parameters
/// (micrograd's order), so every peer starts from the engine's numbers.
struct PeerWorkload: Codable {
    let name: String
    let spec: ModelSpec
    let parameters: [Double]
    let points: [[Double]]
    let targets: [Double]?
    let classes: [Int]?
    /// The folder micrograd 0.1.0 is imported from (its venv's site-packages).
    let microgradPath: String
}
