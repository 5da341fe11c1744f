/// Checks `backward()`'s gradients of an expression against central finite differences, as
/// `torch.autograd.gradcheck` does and as the lecture does by nudging an input by `h`.
///
/// `f` builds the expression from one ``Value`` per input. It is called once with leaves at
/// `inputs` to take the gradients `backward()` computes, then twice per input with that input
/// nudged by `±h · max(1, |x|)`, for the central difference
/// `(f(x + h) − f(x − h)) / 2h`, whose error shrinks as `h²` where `f` is smooth.
///
/// ```swift
/// let report = gradcheck(at: [2.0, -3.0, 10.0], labels: ["a", "b", "c"]) { v in
///     (v[0] * v[1] + v[2]).tanh()
/// }
/// print(report)          // one line per input: backward, central difference, relative error
/// assert(report.passed)
/// ```
///
/// A mismatch means a gradient that does not follow the value: a number taken out of the
/// graph with `.data` and put back as a new leaf, or a point where `f` has a kink (`relu` at 0).
///
/// - Parameters:
///   - inputs: where to check; one leaf per entry.
///   - labels: the inputs' names in the report (default `x0`, `x1`, …).
///   - h: the nudge, relative to `max(1, |x|)` (torch's `eps` is `1e-6`).
///   - f: the expression; it must build the same expression for every input values it is given.
/// - Returns: each input's two derivatives and their relative error.
public func gradcheck(
    at inputs: [Double], labels: [String] = [], h: Double = 1e-6, _ f: ([Value]) -> Value
) -> GradcheckReport {
    let names = inputs.indices.map { $0 < labels.count ? labels[$0] : "x\($0)" }
    let leaves = zip(inputs, names).map { Value($0, label: $1) }
    let root = f(leaves)
    for leaf in leaves { leaf.zeroGrad() }
    root.backward()
    let analytic = leaves.map(\.grad)
    let checks = inputs.indices.map { i in
        let step = h * max(1, abs(inputs[i]))
        func value(nudgedBy delta: Double) -> Double {
            var nudged = inputs
            nudged[i] += delta
            return f(nudged.map { Value($0) }).data
        }
        let numeric = (value(nudgedBy: step) - value(nudgedBy: -step)) / (2 * step)
        return GradcheckReport.Input(label: names[i], value: inputs[i], backward: analytic[i], centralDifference: numeric)
    }
    return GradcheckReport(output: root.data, inputs: checks)
}

/// What ``gradcheck(at:labels:h:_:)`` found: for each input, the gradient `backward()`
/// computed beside the central difference.
public struct GradcheckReport: Sendable, Equatable, CustomStringConvertible {
    /// One input's two derivatives.
    public struct Input: Sendable, Equatable {
        /// The input's name.
        public var label: String
        /// Where it was checked.
        public var value: Double
        /// The gradient `backward()` computed.
        public var backward: Double
        /// `(f(x + h) − f(x − h)) / 2h`.
        public var centralDifference: Double

        /// One input's derivatives.
        public init(label: String, value: Double, backward: Double, centralDifference: Double) {
            self.label = label
            self.value = value
            self.backward = backward
            self.centralDifference = centralDifference
        }

        /// `|backward − centralDifference| / max(|backward|, |centralDifference|)`: 0 when both
        /// are 0, infinite when either is not finite (unless both are the same infinity).
        public var relativeError: Double {
            if backward == centralDifference { return 0 }
            guard backward.isFinite, centralDifference.isFinite else { return .infinity }
            return abs(backward - centralDifference) / max(abs(backward), abs(centralDifference))
        }

        /// torch's test: `|backward − centralDifference| ≤ absoluteTolerance + relativeTolerance · |centralDifference|`.
        public func agrees(absoluteTolerance: Double, relativeTolerance: Double) -> Bool {
            if backward == centralDifference { return true }
            return abs(backward - centralDifference) <= absoluteTolerance + relativeTolerance * abs(centralDifference)
        }
    }

    /// The expression's value at the inputs.
    public var output: Double
    /// Every input, in order.
    public var inputs: [Input]

    /// A report on `inputs` of an expression whose value is `output`.
    public init(output: Double, inputs: [Input]) {
        self.output = output
        self.inputs = inputs
    }

    /// The input with the largest ``Input/relativeError`` (nil without inputs).
    public var worst: Input? { inputs.max { $0.relativeError < $1.relativeError } }

    /// Whether every input agrees with torch's default tolerances (`atol = 1e-5`, `rtol = 1e-3`).
    public var passed: Bool { passed(absoluteTolerance: 1e-5, relativeTolerance: 1e-3) }

    /// Whether every input agrees within the given tolerances (see ``Input/agrees(absoluteTolerance:relativeTolerance:)``).
    public func passed(absoluteTolerance: Double, relativeTolerance: Double) -> Bool {
        inputs.allSatisfy { $0.agrees(absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance) }
    }

    /// One line per input, then the verdict and the worst input.
    public var description: String {
        var lines = inputs.map { input in
            "\(input.label) = \(input.value): backward \(input.backward), central difference \(input.centralDifference), relative error \(input.relativeError)"
        }
        let verdict = passed ? "gradcheck passed" : "gradcheck FAILED"
        lines.append(worst.map { "\(verdict); worst: \($0.label), relative error \($0.relativeError)" } ?? "\(verdict) (no inputs)")
        return lines.joined(separator: "\n")
    }
}
