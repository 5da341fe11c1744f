import MicrogradParity
import TestSupport
import Testing

/// The offline parity suite: every case of every program family, run through the engine and
/// compared with PyTorch's goldens, every value and every gradient, at 0 ulp.
struct ProgramParityTests {
    @Test func everyProgramMatchesTorch() {
        let tally = OfflineSuite.comparePrograms(in: ReferenceFiles(packageRoot: PackageRoot.path))
        let report = ParityReport(tally: tally)
        printParity(report.summary)
        if !tally.passed {
            printParity(report.failureDetails(limit: 5, graphDirectory: PackageRoot.failureGraphs))
        }
        let failures = tally.failures.count
        #expect(failures == 0, "\(failures) case(s) differ from torch; see the report above")
        #expect(tally.problems.isEmpty, "\(tally.problems.count) reference file(s) or case(s) could not be compared; see the report above")
    }
}
