/// What was compared for one operation: the values it computed, and the gradients its backward
/// formula sent to its operands.
public struct OpStatistics: Sendable {
    /// Values compared, how many differ (within budget or not), and the largest difference.
    public var values = 0, differingValues = 0, worstValue = UlpDistance.zero
    /// Gradients compared, how many differ (within budget or not), and the largest difference.
    public var grads = 0, differingGrads = 0, worstGrad = UlpDistance.zero

    /// Counts one value at `distance` from torch's.
    mutating func addValue(_ distance: UlpDistance) {
        values += 1
        if distance != .zero { differingValues += 1 }
        worstValue = max(worstValue, distance)
    }

    /// Counts one gradient at `distance` from torch's.
    mutating func addGrad(_ distance: UlpDistance) {
        grads += 1
        if distance != .zero { differingGrads += 1 }
        worstGrad = max(worstGrad, distance)
    }

    /// Adds another set of statistics of the same operation.
    mutating func merge(_ other: OpStatistics) {
        values += other.values
        differingValues += other.differingValues
        worstValue = max(worstValue, other.worstValue)
        grads += other.grads
        differingGrads += other.differingGrads
        worstGrad = max(worstGrad, other.worstGrad)
    }
}
