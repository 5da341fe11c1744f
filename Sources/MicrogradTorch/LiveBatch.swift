import Foundation
import MicrogradParity

/// A program family torch wrote into a workspace, loaded with the harness's decoders (then
/// deleted from the workspace) and compared.
struct LiveBatch: Sendable {
    /// Where its goldens came from (``MicrogradParity/Provenance/summary``).
    let source: String
    /// Its cases compared, in the order of its case file.
    let comparisons: [CaseComparison]
    /// Its cases that could not be loaded.
    let problems: [GoldenError]
    /// How long loading and comparing took.
    let seconds: Double

    init(_ family: String, in workspace: LiveWorkspace) throws(GoldenError) {
        let clock = ContinuousClock(), began = clock.now
        defer { workspace.remove(family) }
        let loaded = try workspace.files.programFamily(family)
        source = loaded.provenance.summary
        comparisons = LiveSuite.comparisons(of: loaded)
        problems = loaded.problems
        let (whole, fraction) = (clock.now - began).components
        seconds = Double(whole) + Double(fraction) * 1e-18
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

    /// Takes batch `index` and adds every batch that can now go in order to `tally` (and its
    /// time to `work`).
    mutating func add(_ index: Int, _ result: Result<LiveBatch, GoldenError>, to tally: inout ParityTally, work: inout LiveSuite.Work) {
        finished[index] = result
        while let result = finished.removeValue(forKey: next) {
            switch result {
            case .success(let batch):
                let family = sources[next].family
                if tally.families.last?.name != family { tally.beginFamily(family, source: batch.source) }
                for comparison in batch.comparisons { tally.add(comparison) }
                tally.add(problems: batch.problems)
                work.engineSeconds += batch.seconds
            case .failure(let error):
                failure = failure ?? error
            }
            next += 1
        }
    }
}
