import Foundation
import Micrograd
import MicrogradParity

/// The live parity suite: programs evaluated by torch while it runs (see ``LiveReference``),
/// compared with the engine exactly as the offline suite compares them with the checked-in
/// goldens, in one or more ``MicrogradParity/ParityMode``s: with the default math, every value
/// and gradient at 0 ulp except the documented deviations, which
/// ``MicrogradParity/ProgramRun`` aligns to torch where they arise; with torch's own kernels
/// (``TorchKernelLibrary``), every value and gradient at 0 ulp.
public enum LiveSuite {
    /// How long the two sides of ``comparePrograms(_:reference:workspace:into:)`` worked.
    public struct Work: Sendable {
        /// Seconds torch worked in Python: generating, evaluating, writing.
        public var torchSeconds = 0.0
        /// Seconds the engine's side worked, over all its tasks: loading what torch wrote.
        public var loadingSeconds = 0.0
        /// Seconds the engine's side worked per tally (mode), over all its tasks: running the
        /// programs through the engine, comparing.
        public var engineSeconds: [Double]
    }

    /// Runs every source through torch once, and through the engine in the mode of each of
    /// `tallies`, adding the comparisons to that tally in source order (sources with the same
    /// ``LiveProgramSource/family`` in a row are one family of a tally).
    ///
    /// Torch works on one source at a time, on a thread of its own, while the engine loads and
    /// compares the sources torch has finished, in up to one task per remaining processor (at
    /// least one).
    public static func comparePrograms(
        _ sources: [LiveProgramSource], reference: LiveReference, workspace: LiveWorkspace, into tallies: inout [ParityTally]
    ) async throws(LiveError) -> Work {
        let modes = tallies.map(\.mode)
        var work = Work(engineSeconds: modes.map { _ in 0 })
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
                    order.add(finished, result, to: &tallies, work: &work)
                    running -= 1
                }
                group.addTask {
                    // On a thread of its own, so the batch's graphs keep to a tape of their own.
                    let batch = await onThreadOfItsOwn {
                        Result { () throws(GoldenError) in try LiveBatch(written.family, in: workspace, modes: modes) }
                    }
                    return (index, batch)
                }
                running += 1
            }
            for await (finished, result) in group {
                order.add(finished, result, to: &tallies, work: &work)
            }
        }
        if let torchFailure { throw .torch(torchFailure) }
        if let failure = order.failure { throw .referenceFiles(failure) }
        return work
    }

    /// Runs `body` on a new thread: a long call into Python then blocks that thread, not one of
    /// the few threads Swift concurrency runs every task on, and the engine's graphs keep to that
    /// thread's tape (a pool thread's can be held by another suspended task).
    static func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
