/// One implementation timed in the side-by-side benchmark: it takes training steps from the
/// same data and initial parameters, and keeps every step's loss (its trajectory) and the time
/// of each round it ran in.
final class Contender {
    /// The implementations, in table order.
    enum Kind: String, CaseIterable {
        case engineAPI = "engine-api"
        case enginePlain = "engine-plain"
        case handWritten = "hand-written"
        case micrograd
        case torchScalar = "torch-scalar"
        case torchBatched1 = "torch-batched-1"
        case torchBatched = "torch-batched"

        /// Too slow for many steps: one or a few steps per round, in the first rounds only.
        var isSlow: Bool { self == .micrograd || self == .torchScalar }

        var isPeer: Bool { ![.engineAPI, .enginePlain, .handWritten].contains(self) }
    }

    let kind: Kind
    var label: String
    /// Takes `n` steps, appending their losses to `losses`; returns each step's time in seconds.
    let run: (_ n: Int, _ losses: inout [Double]) throws -> [Double]
    /// Every loss, from step 0.
    var losses: [Double] = []
    /// Per round, the median of its steps' times in seconds (nil for a round it sat out): a
    /// step preempted by another process is an outlier the median ignores, so a round of long
    /// steps, which is preempted more often on a shared machine, is not penalised for it.
    var perStep: [Double?] = []
    /// Steps timed in each round it ran.
    var stepsPerRound = 0

    init(_ kind: Kind, label: String, run: @escaping (_ n: Int, _ losses: inout [Double]) throws -> [Double]) {
        self.kind = kind
        self.label = label
        self.run = run
    }

    /// A contender whose step is a Swift function returning the step's loss.
    convenience init(_ kind: Kind, label: String, step: @escaping () -> Double) {
        self.init(kind, label: label) { n, losses in
            var times: [Double] = []
            times.reserveCapacity(n)
            losses.reserveCapacity(losses.count + n)
            var t0 = now()
            for _ in 0..<n {
                losses.append(step())
                let t1 = now()
                times.append(t1 - t0)
                t0 = t1
            }
            return times
        }
    }

    /// This contender's time per step over `other`'s in each round both ran.
    func roundRatios(to other: Contender) -> [Double] {
        zip(perStep, other.perStep).compactMap { a, b in a.flatMap { a in b.map { a / $0 } } }
    }

    var timed: [Double] { perStep.compactMap { $0 } }
    var minimum: Double? { timed.min() }
    var medianTime: Double? { timed.isEmpty ? nil : median(timed) }

    /// This contender's time relative to `other`'s: the median of the rounds' ratios where both
    /// ran at least 3 rounds together (a slow stretch of the machine then hits both sides of a
    /// ratio), otherwise the ratio of their medians.
    func ratio(to other: Contender) -> Double? {
        let common = roundRatios(to: other)
        if common.count >= 3 { return median(common) }
        guard let mine = medianTime, let theirs = other.medianTime else { return nil }
        return mine / theirs
    }
}
