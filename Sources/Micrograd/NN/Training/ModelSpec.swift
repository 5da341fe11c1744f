/// A training run of the parity suite: data, model, loss, optimizer and step count, read from
/// `Reference/cases/models.json` (a JSON array of these) by Swift and by the Python twin.
///
/// The JSON form (keys as below; optional keys may be left out):
/// ```json
/// {
///   "name": "moons",
///   "seed": 42,
///   "dataset": {"kind": "moons", "count": 100, "noise": 0.1},
///   "model": {"inputs": 2, "layers": [16, 16, 1], "activation": "relu",
///             "outputActivation": "linear", "initializer": "micrograd"},
///   "loss": {"kind": "maxMargin", "l2": 0.0001},
///   "optimizer": {"kind": "sgd", "learningRate": 1.0, "learningRateDecay": 0.9, "decaySteps": 100},
///   "steps": 100
/// }
/// ```
/// - `seed` seeds one ``RNG`` that first draws the data set (moons, yin-yang), then the model.
/// - `dataset.kind`: `lecture` (the lecture's 4 samples), `moons` (``Dataset/moons(count:noise:rng:)``,
///   `count` and `noise`) or `yinyang` (``Dataset/yinYang(count:smallRadius:bigRadius:rng:)`` with
///   `count`; training uses its train split, the first 80%). Moons points are fed to the model as
///   `Value` leaves (the demo's `list(map(Value, xrow))`), the others as `Double`s.
/// - `model`: ``MLP`` arguments; `activation`/`outputActivation` are ``Activation`` names and
///   `initializer` an ``Initializer`` name.
/// - `loss.kind`: `squaredError` (the lecture), `maxMargin` (the moons demo: max-margin loss
///   plus `l2 * sum(p*p)`) or `crossEntropy` (Eureka: mean cross-entropy over the points).
/// - `optimizer.kind`: `sgd` with `learningRate`, optionally decayed linearly as
///   `learningRate - learningRateDecay * k / decaySteps` at step `k`; or `adamw` with
///   `learningRate`, `beta1`, `beta2`, `epsilon` and `weightDecay`.
public struct ModelSpec: Codable, Sendable, Equatable {
    /// The name of the run.
    public var name: String
    /// The seed of the run's ``RNG``.
    public var seed: UInt64
    /// The data set to train on.
    public var dataset: DatasetSpec
    /// The network.
    public var model: ArchitectureSpec
    /// The loss.
    public var loss: LossSpec
    /// The optimizer.
    public var optimizer: OptimizerSpec
    /// How many training steps to take.
    public var steps: Int

    /// A training run.
    public init(
        name: String, seed: UInt64, dataset: DatasetSpec, model: ArchitectureSpec, loss: LossSpec,
        optimizer: OptimizerSpec, steps: Int
    ) {
        self.name = name
        self.seed = seed
        self.dataset = dataset
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.steps = steps
    }

    /// The data set of a run.
    public struct DatasetSpec: Codable, Sendable, Equatable {
        /// Which data set.
        public enum Kind: String, Codable, Sendable {
            /// The lecture's 4 samples (``Dataset/lecture``).
            case lecture
            /// Two interleaving half circles (``Dataset/moons(count:noise:rng:)``).
            case moons
            /// Yin-yang's three classes (``Dataset/yinYang(count:smallRadius:bigRadius:rng:)``).
            case yinyang
        }
        /// Which data set.
        public var kind: Kind
        /// How many points to generate (moons, yin-yang).
        public var count: Int?
        /// The noise's standard deviation (moons).
        public var noise: Double?

        /// The data set `kind`.
        public init(kind: Kind, count: Int? = nil, noise: Double? = nil) {
            self.kind = kind
            self.count = count
            self.noise = noise
        }
    }

    /// The ``MLP`` of a run.
    public struct ArchitectureSpec: Codable, Sendable, Equatable {
        /// The number of inputs.
        public var inputs: Int
        /// The size of each layer.
        public var layers: [Int]
        /// The hidden layers' activation.
        public var activation: Activation
        /// The last layer's activation.
        public var outputActivation: Activation
        /// How the parameters are drawn.
        public var initializer: Initializer

        /// An ``MLP`` description.
        public init(
            inputs: Int, layers: [Int], activation: Activation, outputActivation: Activation, initializer: Initializer
        ) {
            self.inputs = inputs
            self.layers = layers
            self.activation = activation
            self.outputActivation = outputActivation
            self.initializer = initializer
        }
    }

    /// The loss of a run.
    public struct LossSpec: Codable, Sendable, Equatable {
        /// Which loss.
        public enum Kind: String, Codable, Sendable {
            /// The lecture's sum of squared errors (``Loss/squaredError(predictions:targets:)``).
            case squaredError
            /// The moons demo's max-margin loss plus `l2 * sum(p*p)`.
            case maxMargin
            /// Eureka's mean cross-entropy over the points.
            case crossEntropy
        }
        /// Which loss.
        public var kind: Kind
        /// The L2 regularization strength (maxMargin).
        public var l2: Double?

        /// The loss `kind`.
        public init(kind: Kind, l2: Double? = nil) {
            self.kind = kind
            self.l2 = l2
        }
    }

    /// The optimizer of a run.
    public struct OptimizerSpec: Codable, Sendable, Equatable {
        /// Which optimizer.
        public enum Kind: String, Codable, Sendable {
            /// Stochastic gradient descent (``SGD``).
            case sgd
            /// Adam with decoupled weight decay (``AdamW``).
            case adamw
        }
        /// Which optimizer.
        public var kind: Kind
        /// The (initial) learning rate.
        public var learningRate: Double
        /// SGD: how much the learning rate falls over `decaySteps` steps.
        public var learningRateDecay: Double?
        /// SGD: the number of steps over which the rate falls by `learningRateDecay`.
        public var decaySteps: Int?
        /// AdamW's `beta1`.
        public var beta1: Double?
        /// AdamW's `beta2`.
        public var beta2: Double?
        /// AdamW's `eps`.
        public var epsilon: Double?
        /// AdamW's `weight_decay`.
        public var weightDecay: Double?

        /// The optimizer `kind`.
        public init(
            kind: Kind, learningRate: Double, learningRateDecay: Double? = nil, decaySteps: Int? = nil,
            beta1: Double? = nil, beta2: Double? = nil, epsilon: Double? = nil, weightDecay: Double? = nil
        ) {
            self.kind = kind
            self.learningRate = learningRate
            self.learningRateDecay = learningRateDecay
            self.decaySteps = decaySteps
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
        }
    }
}
