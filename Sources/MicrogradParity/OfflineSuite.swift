/// The offline parity suite: the checked-in cases run through the engine and compared with
/// the checked-in goldens.
public enum OfflineSuite {
    /// Runs every case of `family` through the engine and adds its comparison to `tally`.
    public static func compare(_ family: ProgramFamily, into tally: inout ParityTally) {
        tally.beginFamily(family.name, source: family.provenance.summary)
        for parityCase in family.cases {
            let actual = ProgramRun(parityCase.program, aligningDeviationsTo: parityCase.expected).results
            tally.add(CaseComparison(program: parityCase.program, expected: parityCase.expected, actual: actual))
        }
    }

    /// Loads and compares every program family of `files`.
    public static func comparePrograms(in files: ReferenceFiles) throws(GoldenError) -> ParityTally {
        var tally = ParityTally()
        for name in files.programFamilies {
            compare(try files.programFamily(name), into: &tally)
        }
        return tally
    }
}
