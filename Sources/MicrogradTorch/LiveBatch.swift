import Foundation
import MicrogradParity

/// A program family torch wrote into a workspace, loaded with the harness's decoders (then
/// deleted from the workspace) and compared in each of a list of modes.
struct LiveBatch: Sendable {
    /// Where its goldens came from (``MicrogradParity/Provenance/summary``).
    let source: String
    /// Per mode, its cases compared, in the order of its case file.
    let comparisons: [[CaseComparison]]
    /// Its cases that could not be loaded.
    let problems: [GoldenError]
    /// How long loading took.
    let loadingSeconds: Double
    /// Per mode, how long running and comparing took.
    let seconds: [Double]

    init(_ family: String, in workspace: LiveWorkspace, modes: [ParityMode]) throws(GoldenError) {
        let clock = ContinuousClock()
        var began = clock.now
        defer { workspace.remove(family) }
        let loaded = try workspace.files.programFamily(family)
        source = loaded.provenance.summary
        problems = loaded.problems
        loadingSeconds = LiveBatch.seconds(clock.now - began)
        var comparisons: [[CaseComparison]] = [], seconds: [Double] = []
        for mode in modes {
            began = clock.now
            comparisons.append(OfflineSuite.comparisons(of: loaded, mode: mode))
            seconds.append(LiveBatch.seconds(clock.now - began))
        }
        self.comparisons = comparisons
        self.seconds = seconds
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) * 1e-18
    }
}

/// Adds batches to a tally in source order, whatever order they finish in, so that a
/// seed's report is always the same.
struct LiveBatchOrder {
    /// The sources of the batches, by index.
    let sources: [LiveProgramSource]
    /// Batches finished before an earlier one.
    var finished: [Int: Result<LiveBatch, GoldenError>] = [:]
    /// The index of the next batch to add.
    var next = 0
    /// The first batch that could not be loaded, in source order.
    var failure: GoldenError?

    /// Takes batch `index` and adds every batch that can now go in order to `tallies`, one per
    /// mode of the batches (and its time to `work`).
    mutating func add(
        _ index: Int, _ result: Result<LiveBatch, GoldenError>, to tallies: inout [ParityTally],
        work: inout LiveSuite.Work
    ) {
        finished[index] = result
        while let result = finished.removeValue(forKey: next) {
            switch result {
            case .success(let batch):
                let family = sources[next].family
                for (m, comparisons) in batch.comparisons.enumerated() {
                    if tallies[m].families.last?.name != family { tallies[m].beginFamily(family, source: batch.source) }
                    for comparison in comparisons { tallies[m].add(comparison) }
                    tallies[m].add(problems: batch.problems)
                    work.engineSeconds[m] += batch.seconds[m]
                }
                work.loadingSeconds += batch.loadingSeconds
            case .failure(let error):
                failure = failure ?? error
            }
            next += 1
        }
    }
}
