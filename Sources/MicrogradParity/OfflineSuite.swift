/// The offline parity suite: the checked-in cases run through the engine and compared with
/// the checked-in goldens.
public enum OfflineSuite {
    /// Runs every case of `family` through the engine and adds its comparison, and the cases
    /// it could not load, to `tally`, in the tally's mode.
    public static func compare(_ family: ProgramFamily, into tally: inout ParityTally) {
        tally.beginFamily(family.name, source: family.provenance.summary)
        tally.add(problems: family.problems)
        for comparison in comparisons(of: family, mode: tally.mode) { tally.add(comparison) }
    }

    /// Every case of `family` run through the engine in `mode` and compared with its goldens, on
    /// a thread of their own (see `onFreshThread`).
    public static func comparisons(of family: ProgramFamily, mode: ParityMode) -> [CaseComparison] {
        onFreshThread {
            family.cases.map { parityCase in
                let actual = ProgramRun(parityCase.program, aligningDeviationsTo: parityCase.expected, mode: mode).results
                return CaseComparison(program: parityCase.program, expected: parityCase.expected, actual: actual, mode: mode)
            }
        }
    }

    /// Loads and compares every program family of `files`, in `mode`; a family that cannot be
    /// loaded is a problem of the tally, and the others are still compared.
    public static func comparePrograms(in files: ReferenceFiles, mode: ParityMode = .documentedDeviations) -> ParityTally {
        var tally = ParityTally(mode: mode)
        for name in files.programFamilies {
            do {
                compare(try files.programFamily(name), into: &tally)
            } catch {
                tally.add(problems: [error])
            }
        }
        return tally
    }
}
