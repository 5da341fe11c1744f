import MicrogradParity

/// Where a live run's programs come from: one call of `Reference/live.py`, which makes torch
/// write a program family into the run's ``LiveWorkspace``.
public enum LiveProgramSource: Sendable {
    /// The programs of a case file (a checked-in family, such as `Reference/cases/ops.json`),
    /// reported as `family`.
    case caseFile(family: String, path: String)
    /// Programs `first` to `first + count - 1` of `seed`, reported as family `random`.
    case random(seed: UInt64, first: Int, count: Int)

    /// The checked-in program families (``MicrogradParity/ReferenceFiles/programFamilies``) of the
    /// package at `packageRoot`.
    public static func checkedInFamilies(packageRoot: String) -> [LiveProgramSource] {
        ReferenceFiles(packageRoot: packageRoot).programFamilies.map {
            .caseFile(family: $0, path: "\(packageRoot)/\(ReferenceFiles.casesPath($0))")
        }
    }

    /// `count` random programs of `seed`, in batches of at most `batchSize`.
    public static func random(seed: UInt64, count: Int, batchSize: Int) -> [LiveProgramSource] {
        stride(from: 0, to: count, by: batchSize).map { .random(seed: seed, first: $0, count: min(batchSize, count - $0)) }
    }

    /// The family the source's cases are counted under in a ``MicrogradParity/ParityTally``.
    public var family: String {
        switch self {
        case .caseFile(let family, _): family
        case .random: "random"
        }
    }

    /// Makes torch write the source's programs and goldens into `workspace`.
    func write(with reference: LiveReference, into workspace: LiveWorkspace) throws(PythonError) -> LiveReference.Written {
        switch self {
        case .caseFile(_, let path):
            try reference.evaluatePrograms(caseFile: path, into: workspace)
        case .random(let seed, let first, let count):
            try reference.randomPrograms(seed: seed, first: first, count: count, family: "random-\(first)", into: workspace)
        }
    }
}
