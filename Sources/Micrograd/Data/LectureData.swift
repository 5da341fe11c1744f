extension Dataset where Label == Double {
    /// The four samples of the micrograd lecture, three inputs each, with targets ±1:
    /// `xs = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]`, `ys = [1, -1, -1, 1]`.
    public static var lecture: Dataset<Double> {
        Dataset(
            inputs: [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]],
            labels: [1.0, -1.0, -1.0, 1.0])
    }
}
