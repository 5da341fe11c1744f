import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// The offline parity suite: every case of every program family, run through the engine and
/// compared with PyTorch's goldens, every value and every gradient, at 0 ulp but for the
/// documented deviations. Each family and each operation is a test case of its own, named in
/// `swift test`'s output; the cases are loaded and compared once, for all of them.
struct ProgramParityTests {
    /// Every program family of the checkout, loaded and compared once per test process.
    static let tally = OfflineSuite.comparePrograms(in: ReferenceFiles(packageRoot: PackageRoot.path))

    /// The program families of the checkout (`ops`, `corpus`, and `frozen` once there is one).
    static let families = ReferenceFiles(packageRoot: PackageRoot.path).programFamilies

    @Test("Every reference file loads; the summary: worst ulp per family and per operation, the deviation table")
    func summary() {
        let report = ParityReport(tally: Self.tally)
        printParity(report.summary)
        if !Self.tally.passed {
            printParity(report.failureDetails(limit: 5, graphDirectory: PackageRoot.failureGraphs))
        }
        #expect(
            Self.tally.problems.isEmpty,
            "\(Self.tally.problems.count) reference file(s) or case(s) could not be compared:\n\(GoldenError.report(Self.tally.problems))")
    }

    @Test("Every case of the family matches torch", arguments: families)
    func family(_ name: String) throws {
        let files = [ReferenceFiles.casesPath(name), ReferenceFiles.goldensPath(name)]
        let problems = Self.tally.problems.filter { files.contains($0.file) }
        #expect(problems.isEmpty, "\(problems.count) case(s) or file(s) of \(name) could not be compared:\n\(GoldenError.report(problems))")
        let totals = try #require(Self.tally.families.first { $0.name == name }, "the family \(name) was not compared")
        #expect(totals.cases > 0, "the family \(name) has no case")
        let failures = Self.tally.failures.filter { $0.family == name }
        #expect(
            failures.count == 0,
            """
            \(failures.count) of \(totals.cases) cases of \(name) differ from torch (worst value \(totals.worstValue), \
            worst gradient \(totals.worstGrad)); the first:
            \(failures.first.map { FailureDetail.text($0.comparison, family: name) } ?? "")
            """)
    }

    @Test(
        "Every value the operation computes and every gradient its backward formula sends matches torch",
        arguments: Op.programOperations)
    func operation(_ op: Op) throws {
        let statistics = try #require(Self.tally.ops[op], "no case computes \(op.name)")
        #expect(statistics.values > 0, "no case computes \(op.name)")
        let failures = Self.tally.failures.filter { !$0.comparison.mismatches(involving: op).isEmpty }
        #expect(
            failures.count == 0,
            """
            \(failures.count) case(s) where \(op.name) differs from torch beyond its budget (worst value \
            \(statistics.worstValue), worst gradient \(statistics.worstGrad)); the first:
            \(failures.first.map { FailureDetail.text($0.comparison, family: $0.family) } ?? "")
            """)
    }
}
