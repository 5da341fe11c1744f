import Foundation

/// A case with the results PyTorch computed for it.
public struct ParityCase: Sendable {
    /// The program.
    public let program: CaseProgram
    /// Torch's values and gradients.
    public let expected: ExpectedResults
}

/// A family of program cases (`ops`, `corpus`) with its goldens, checked to belong together.
public struct ProgramFamily: Sendable {
    /// The family's name.
    public let name: String
    /// The cases, in the order of the case file, but for those in `problems`.
    public let cases: [ParityCase]
    /// Where the goldens came from.
    public let provenance: Provenance
    /// Cases that cannot be compared (a malformed definition, a missing, stale or malformed
    /// golden) and goldens without a case, each named: every one is reported, and fails the run.
    public let problems: [GoldenError]
}

extension ReferenceFiles {
    /// The program families every checkout has.
    public static let requiredProgramFamilies = ["ops", "corpus"]

    /// Live-torch seeds frozen into the goldens by `Scripts/freeze_seed.sh`, once there are any.
    public static let frozenFamily = "frozen"

    /// The program families with checked-in cases and goldens: the required ones, and the
    /// frozen seeds when `Reference/cases/frozen.json` exists (its goldens must then exist too).
    public var programFamilies: [String] {
        let frozen = FileManager.default.fileExists(atPath: "\(packageRoot)/\(ReferenceFiles.casesPath(ReferenceFiles.frozenFamily))")
        return ReferenceFiles.requiredProgramFamilies + (frozen ? [ReferenceFiles.frozenFamily] : [])
    }

    /// Loads a family's case definitions (`Reference/cases/<family>.json`), checked: every case
    /// well formed, no two with the same name. Throws the first problem.
    public func cases(_ family: String) throws(GoldenError) -> [CaseProgram] {
        var problems: [GoldenError] = []
        let programs = try cases(family, problems: &problems)
        if let first = problems.first { throw first }
        return programs.map(\.program)
    }

    /// The well-formed case definitions of `family` with their fingerprints (see
    /// ``CaseLines``); each one that is not is added to `problems`.
    func cases(_ family: String, problems: inout [GoldenError]) throws(GoldenError) -> [(program: CaseProgram, fingerprint: String)] {
        let path = ReferenceFiles.casesPath(family)
        let bytes = try contents(path)
        let entries = try decode(CaseFileDocument.self, from: bytes, path: path, family: family).cases
        let fingerprints = try ReferenceFiles.fingerprints(bytes, count: entries.count, path: path)
        var programs: [(CaseProgram, String)] = [], names: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let program: CaseProgram
            switch entry.result {
            case .success(let decoded):
                program = decoded
            case .failure(let error):
                problems.append(
                    GoldenError(
                        .malformed, file: path, caseName: entry.name,
                        field: entry.name == nil ? "cases[\(index)].\(error.field)" : error.field, reason: error.reason))
                continue
            }
            guard names.insert(program.name).inserted else {
                problems.append(GoldenError(.malformed, file: path, caseName: program.name, reason: "two cases have this name"))
                continue
            }
            programs.append((program, fingerprints[index]))
        }
        return programs
    }

    /// The fingerprints of the `count` cases of the case file `bytes` at `path`, one per line.
    static func fingerprints(_ bytes: Data, count: Int, path: String) throws(GoldenError) -> [String] {
        let lines = CaseLines.lines(of: bytes)
        guard lines.count == count else {
            throw GoldenError(
                .malformed, file: path,
                reason: "\(count) cases on \(lines.count) lines starting with {\": a case file "
                    + "holds one case per line (its fingerprint is the line's SHA-256)",
                fix: "put each case on a line of its own, as `Reference/author_cases.py` writes the program families "
                    + "(`Reference/cases/models.json` is written by hand), then run `\(GoldenError.fixCommand)`")
        }
        return lines.map(CaseLines.fingerprint)
    }

    /// Loads a family's case definitions and goldens and checks that they match: every case
    /// has a golden generated from exactly its definition (the golden's sha256 is the case's
    /// fingerprint, ``CaseLines``), with one value and one gradient per step, and no golden is
    /// left without a case. A file that cannot be used at all is thrown; each case that cannot
    /// is in the family's `problems`.
    public func programFamily(_ family: String) throws(GoldenError) -> ProgramFamily {
        var problems: [GoldenError] = []
        let programs = try cases(family, problems: &problems)
        let path = ReferenceFiles.goldensPath(family)
        let document = try self.document(GoldensDocument<ProgramGolden>.self, at: path, family: family)
        try check(document.provenance, of: path)
        var loaded: [ParityCase] = []
        for (program, fingerprint) in programs {
            guard let golden = document.entries[program.name] else {
                problems.append(
                    GoldenError(
                        .stale, file: path, caseName: program.name,
                        reason: "no golden for this case: it was added or renamed after the goldens were generated"))
                continue
            }
            do {
                loaded.append(
                    ParityCase(
                        program: program,
                        expected: try ReferenceFiles.expected(
                            golden.result, for: program, fingerprint: fingerprint, file: path)))
            } catch {
                problems.append(error)
            }
        }
        // Cases defined but malformed have already been reported.
        let names = Set(programs.map(\.program.name)).union(problems.compactMap(\.caseName))
        for orphan in document.entries.keys.sorted() where !names.contains(orphan) {
            problems.append(
                GoldenError(
                    .stale, file: path, caseName: orphan,
                    reason: "a golden for a case \(ReferenceFiles.casesPath(family)) no longer defines"))
        }
        return ProgramFamily(name: family, cases: loaded, provenance: document.provenance, problems: problems)
    }

    /// The expected results a golden entry holds for `program`, whose line in its case file
    /// has `fingerprint`.
    static func expected(_ entry: Result<ProgramGolden, FieldError>, for program: CaseProgram, fingerprint: String, file: String)
        throws(GoldenError) -> ExpectedResults
    {
        func malformed(_ error: FieldError) -> GoldenError {
            GoldenError(.malformed, file: file, caseName: program.name, field: error.field, reason: error.reason)
        }
        let golden: ProgramGolden
        switch entry {
        case .success(let decoded): golden = decoded
        case .failure(let error): throw malformed(error)
        }
        guard golden.sha256 == fingerprint else {
            throw GoldenError(
                .stale, file: file, caseName: program.name, field: "sha256",
                reason:
                    "the case definition changed after its golden was generated (golden \(golden.sha256.prefix(12))…, case \(fingerprint.prefix(12))…)"
            )
        }
        do throws(FieldError) {
            for (field, count) in [("values", golden.values.count), ("grads", golden.grads.count)] where count != program.steps.count {
                throw FieldError(field: field, reason: "\(count) entries for \(program.steps.count) steps")
            }
            var powFactors: [Int: Double] = [:]
            for (key, factor) in golden.powFactors {
                guard let step = Int(key), program.steps.indices.contains(step), case .pow = program.steps[step] else {
                    throw FieldError(field: "powFactors.\(key)", reason: "not the index of a pow step")
                }
                powFactors[step] = factor
            }
            for (i, step) in program.steps.enumerated() {
                if case .pow(_, let e) = step, e != 0, powFactors[i] == nil {
                    throw FieldError(field: "powFactors", reason: "no factor for pow step \(i)")
                }
            }
            return ExpectedResults(values: golden.values, grads: golden.grads, powFactors: powFactors)
        } catch {
            throw malformed(error)
        }
    }
}

/// A case file of a program family: `{"cases": [case, …], "family": F, "format": 1}`.
struct CaseFileDocument: Decodable {
    let cases: [Lenient<CaseProgram>]

    init(from decoder: any Decoder) throws {
        cases = try decoder.document(["cases", "family", "format"]).value("cases")
    }
}

/// What torch computed for one case: `{"grads": [pair | null, …], "powFactors": {step: pair},
/// "sha256": fingerprint, "values": [pair, …]}`.
struct ProgramGolden: GoldenEntry {
    static let entriesKey = "cases"

    let values: [Double]
    let grads: [Double?]
    let powFactors: [(key: String, value: Double)]
    let sha256: String

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(["grads", "powFactors", "sha256", "values"])
        sha256 = try members.value("sha256")
        values = try members.value("values", as: GoldenNumbers.self).values
        grads = try members.value("grads", as: OptionalGoldenNumbers.self).values
        powFactors = try members.dictionary("powFactors", of: GoldenNumber.self).map { ($0.key, $0.value.value) }
    }
}
