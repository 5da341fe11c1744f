import MicrogradParity
import Testing

/// Whether `a` and `b` are the same double: 0 ulp apart by ``MicrogradParity/UlpDistance``, the
/// one distance of the package (same bits, `-0.0` and `+0.0` different, any NaN equal to any
/// NaN).
public func identical(_ a: Double, _ b: Double) -> Bool { UlpDistance(a, b) == .zero }

/// Records an issue unless `actual` is `expected`, bit for bit (see ``identical(_:_:)``).
public func expectIdentical(
    _ actual: Double, _ expected: Double, _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectWithin(0, ulpsOf: expected, actual, comment(), sourceLocation: sourceLocation)
}

/// Records an issue at the first index where `actual` and `expected` differ (or when their
/// lengths do), naming the index, both numbers and their distance.
public func expectIdentical(
    _ actual: [Double], _ expected: [Double], _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record(
            Comment(rawValue: "\(prefix(comment()))\(actual.count) numbers, expected \(expected.count)"),
            sourceLocation: sourceLocation)
        return
    }
    guard let i = actual.indices.first(where: { !identical(actual[$0], expected[$0]) }) else { return }
    let distance = UlpDistance(actual[i], expected[i])
    Issue.record(
        Comment(
            rawValue: "\(prefix(comment()))[\(i)] is \(actual[i]) (\(hex(actual[i]))), expected \(expected[i]) "
                + "(\(hex(expected[i]))): \(distance) apart"),
        sourceLocation: sourceLocation)
}

/// Records an issue unless `actual` is within `budget` ulps of `expected`
/// (``MicrogradParity/UlpDistance``).
public func expectWithin(
    _ budget: UInt64, ulpsOf expected: Double, _ actual: Double, _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let distance = UlpDistance(actual, expected)
    guard distance.steps > budget else { return }
    Issue.record(
        Comment(
            rawValue: "\(prefix(comment()))\(actual) (\(hex(actual))), expected \(expected) (\(hex(expected))): "
                + "\(distance) apart, budget \(budget) ulp"),
        sourceLocation: sourceLocation)
}

private func prefix(_ comment: String) -> String { comment.isEmpty ? "" : comment + ": " }

private func hex(_ x: Double) -> String { HexFloat.format(x) }
