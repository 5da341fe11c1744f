/// Two series of numbers compared element by element: a training run's losses, one step's
/// gradients, its final parameters, random numbers.
public struct SeriesComparison: Sendable {
    /// What the series is, such as `losses` or `gradients at step 0`.
    public let name: String
    /// The expected and actual numbers.
    public let expected: [Double], actual: [Double]
    /// The largest difference.
    public let worst: UlpDistance
    /// The first index whose difference exceeds the budget, if any.
    public let firstDivergence: Int?
    /// The difference allowed.
    public let budget: UInt64

    /// Compares `actual` with `expected`; series of different lengths do not match.
    public init(_ name: String, expected: [Double], actual: [Double], budget: UInt64 = 0) {
        self.name = name
        self.expected = expected
        self.actual = actual
        self.budget = budget
        var worst = UlpDistance.zero
        var first: Int?
        for (i, (e, a)) in zip(expected, actual).enumerated() {
            let distance = UlpDistance(e, a)
            worst = max(worst, distance)
            if first == nil && distance.steps > budget { first = i }
        }
        if expected.count != actual.count {
            worst = .infinite
            first = first ?? min(expected.count, actual.count)
        }
        self.worst = worst
        firstDivergence = first
    }

    /// Whether every element is within the budget and the lengths agree.
    public var passed: Bool { firstDivergence == nil }

    /// Where and how the series first diverges, or nil.
    public var divergenceText: String? {
        guard let i = firstDivergence else { return nil }
        guard i < expected.count && i < actual.count else {
            return "\(name): \(expected.count) expected, \(actual.count) computed"
        }
        return "\(name) [\(i)]: expected (torch) \(FailureDetail.both(expected[i])), actual (engine) "
            + "\(FailureDetail.both(actual[i])), \(UlpDistance(expected[i], actual[i])) (budget \(budget) ulp)"
    }
}
