/// The offline parity suite: the checked-in cases run through the engine and compared with
/// the checked-in goldens.
public enum OfflineSuite {
    /// Runs every case of `family` through the engine and adds its comparison, and the cases
    /// it could not load, to `tally`.
    public static func compare(_ family: ProgramFamily, into tally: inout ParityTally) {
        tally.beginFamily(family.name, source: family.provenance.summary)
        tally.add(problems: family.problems)
        for parityCase in family.cases {
            let actual = ProgramRun(parityCase.program, aligningDeviationsTo: parityCase.expected).results
            tally.add(CaseComparison(program: parityCase.program, expected: parityCase.expected, actual: actual))
        }
    }

    /// Loads and compares every program family of `files`; a family that cannot be loaded is
    /// a problem of the tally, and the others are still compared.
    public static func comparePrograms(in files: ReferenceFiles) -> ParityTally {
        var tally = ParityTally()
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
