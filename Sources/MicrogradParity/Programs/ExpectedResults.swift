/// What PyTorch computed for a program: every node's value and gradient, in step order, as a
/// golden file records it or as a live torch run returns it.
public struct ExpectedResults: Sendable {
    /// Forward values.
    public var values: [Double]
    /// Gradients; nil where torch's `.grad` is `None` (backward never reached the node). The
    /// engine reports such a node's gradient as `+0.0`, so nil is compared as `+0.0`.
    public var grads: [Double?]
    /// For each `x ** e` step (`e != 0`), by step index: the factor torch's backward multiplies
    /// the incoming gradient by, `e * x.pow(e - 1)` (see ``ProgramRun``).
    public var powFactors: [Int: Double]

    /// Expected results of a program with `values.count` steps.
    public init(values: [Double], grads: [Double?], powFactors: [Int: Double] = [:]) {
        precondition(values.count == grads.count, "one value and one gradient per node")
        self.values = values
        self.grads = grads
        self.powFactors = powFactors
    }
}
