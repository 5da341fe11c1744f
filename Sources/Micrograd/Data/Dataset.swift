/// Labelled points: `inputs[i]` is a point and `labels[i]` its label (a target value, a ±1
/// class or a class index).
public struct Dataset<Label> {
    /// The points, one array of coordinates each.
    public var inputs: [[Double]]
    /// The label of each point.
    public var labels: [Label]

    /// Creates a data set; `inputs` and `labels` must have the same count.
    public init(inputs: [[Double]], labels: [Label]) {
        precondition(inputs.count == labels.count, "Dataset: \(inputs.count) inputs for \(labels.count) labels")
        self.inputs = inputs
        self.labels = labels
    }

    /// The number of points.
    public var count: Int { inputs.count }

    /// The points `range` (and their labels).
    public subscript(range: Range<Int>) -> Dataset {
        Dataset(inputs: Array(inputs[range]), labels: Array(labels[range]))
    }
}

extension Dataset: Sendable where Label: Sendable {}
extension Dataset: Equatable where Label: Equatable {}

/// A data set cut into training, validation and test parts.
public struct DataSplits<Label> {
    /// The points to train on.
    public var train: Dataset<Label>
    /// The points to tune on.
    public var validation: Dataset<Label>
    /// The points to report on.
    public var test: Dataset<Label>
}

extension DataSplits: Sendable where Label: Sendable {}
extension DataSplits: Equatable where Label: Equatable {}
