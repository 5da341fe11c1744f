import Foundation
import Micrograd
import MicrogradParity

/// The live parity suite: programs evaluated by torch while it runs (see ``LiveReference``),
/// compared with the engine exactly as the offline suite compares them with the checked-in
/// goldens: every value and gradient at 0 ulp except the documented deviations, which
/// ``MicrogradParity/ProgramRun`` aligns to torch where they arise.
public enum LiveSuite {
    /// How long the two sides of ``comparePrograms(_:reference:workspace:into:)`` worked.
    public struct Work: Sendable {
        /// Seconds torch worked in Python: generating, evaluating, writing.
        public var torchSeconds = 0.0
        /// Seconds the engine's side worked, over all its tasks: loading what torch wrote,
        /// running it through the engine, comparing.
        public var engineSeconds = 0.0
    }

    /// Runs every source through torch and the engine and adds the comparisons to `tally`, in
    /// source order (sources with the same ``LiveProgramSource/family`` in a row are one
    /// family of the tally).
    ///
    /// Torch works on one source at a time, on a thread of its own, while the engine loads and
    /// compares the sources torch has finished, in up to one task per remaining processor (at
    /// least one).
    public static func comparePrograms(
        _ sources: [LiveProgramSource], reference: LiveReference, workspace: LiveWorkspace, into tally: inout ParityTally
    ) async throws(LiveError) -> Work {
        var work = Work()
        var torchFailure: PythonError?
        var order = LiveBatchOrder(sources: sources)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        await withTaskGroup(of: (Int, Result<LiveBatch, GoldenError>).self) { group in
            var running = 0
            for (index, source) in sources.enumerated() {
                let written: LiveReference.Written
                do throws(PythonError) {
                    written = try await onThreadOfItsOwn {
                        Result { () throws(PythonError) in try source.write(with: reference, into: workspace) }
                    }.get()
                } catch {
                    torchFailure = error
                    break
                }
                work.torchSeconds += written.seconds
                if running == width, let (finished, result) = await group.next() {
                    order.add(finished, result, to: &tally, work: &work)
                    running -= 1
                }
                group.addTask { (index, Result { () throws(GoldenError) in try LiveBatch(written.family, in: workspace) }) }
                running += 1
            }
            for await (finished, result) in group {
                order.add(finished, result, to: &tally, work: &work)
            }
        }
        if let torchFailure { throw .torch(torchFailure) }
        if let failure = order.failure { throw .referenceFiles(failure) }
        return work
    }

    /// Runs `body` on a new thread: a long call into Python then blocks that thread, not one of
    /// the few threads Swift concurrency runs every task on.
    static func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// Every case of `family` run through the engine, with documented deviations aligned to
    /// torch, and compared with torch's results.
    public static func comparisons(of family: ProgramFamily) -> [CaseComparison] {
        family.cases.map { parityCase in
            let actual = ProgramRun(parityCase.program, aligningDeviationsTo: parityCase.expected).results
            return CaseComparison(program: parityCase.program, expected: parityCase.expected, actual: actual)
        }
    }
}
