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
        return programs
    }

    /// The well-formed case definitions of `family`; each one that is not is added to `problems`.
    func cases(_ family: String, problems: inout [GoldenError]) throws(GoldenError) -> [CaseProgram] {
        let path = ReferenceFiles.casesPath(family)
        let fields = try header(try document(path), path: path, family: family, keys: ["cases", "family", "format"])
        let list: [JSONValue]
        do {
            list = try fields.array("cases")
        } catch {
            throw GoldenError(.malformed, file: path, field: error.field, reason: error.reason)
        }
        var programs: [CaseProgram] = [], names: Set<String> = []
        for (index, json) in list.enumerated() {
            let program: CaseProgram
            do {
                program = try CaseProgram(json: json)
            } catch {
                let name = json.object?["name"]?.string
                problems.append(GoldenError(.malformed, file: path, caseName: name,
                                            field: name == nil ? "cases[\(index)].\(error.field)" : error.field, reason: error.reason))
                continue
            }
            guard names.insert(program.name).inserted else {
                problems.append(GoldenError(.malformed, file: path, caseName: program.name, reason: "two cases have this name"))
                continue
            }
            programs.append(program)
        }
        return programs
    }

    /// Loads a family's case definitions and goldens and checks that they match: every case
    /// has a golden generated from exactly its definition (same sha256 of its canonical JSON),
    /// with one value and one gradient per step, and no golden is left without a case. A file
    /// that cannot be used at all is thrown; each case that cannot is in the family's `problems`.
    public func programFamily(_ family: String) throws(GoldenError) -> ProgramFamily {
        var problems: [GoldenError] = []
        let programs = try cases(family, problems: &problems)
        let path = ReferenceFiles.goldensPath(family)
        let (provenance, entries) = try goldens(family, entriesKey: "cases")
        var loaded: [ParityCase] = []
        for program in programs {
            guard let golden = entries[program.name] else {
                problems.append(GoldenError(.stale, file: path, caseName: program.name,
                                            reason: "no golden for this case: it was added or renamed after the goldens were generated"))
                continue
            }
            do {
                loaded.append(ParityCase(program: program, expected: try ReferenceFiles.expected(
                    golden, for: program, sha256: program.sha256, file: path)))
            } catch {
                problems.append(error)
            }
        }
        // Cases defined but malformed have already been reported.
        let names = Set(programs.map(\.name)).union(problems.compactMap(\.caseName))
        for orphan in entries.keys.sorted() where !names.contains(orphan) {
            problems.append(GoldenError(.stale, file: path, caseName: orphan,
                                        reason: "a golden for a case \(ReferenceFiles.casesPath(family)) no longer defines"))
        }
        return ProgramFamily(name: family, cases: loaded, provenance: provenance, problems: problems)
    }

    /// The expected results a golden entry holds for `program`, whose canonical JSON has `sha256`.
    static func expected(_ golden: JSONValue, for program: CaseProgram, sha256: String, file: String) throws(GoldenError) -> ExpectedResults {
        func malformed(_ error: FieldError) -> GoldenError {
            GoldenError(.malformed, file: file, caseName: program.name, field: error.field, reason: error.reason)
        }
        let fields: JSONFields, recorded: String
        do {
            fields = try JSONFields(golden)
            try fields.requireKeys(["grads", "powFactors", "sha256", "values"])
            recorded = try fields.string("sha256")
        } catch {
            throw malformed(error)
        }
        guard recorded == sha256 else {
            throw GoldenError(.stale, file: file, caseName: program.name, field: "sha256",
                              reason: "the case definition changed after its golden was generated (golden \(recorded.prefix(12))…, case \(sha256.prefix(12))…)")
        }
        do throws(FieldError) {
            let values = try GoldenNumbers.pairs(try fields.value("values"), field: "values")
            let grads = try GoldenNumbers.optionalPairs(try fields.value("grads"), field: "grads")
            for (field, count) in [("values", values.count), ("grads", grads.count)] where count != program.steps.count {
                throw FieldError(field: field, reason: "\(count) entries for \(program.steps.count) steps")
            }
            var powFactors: [Int: Double] = [:]
            for (key, pair) in try fields.object("powFactors") {
                guard let step = Int(key), program.steps.indices.contains(step), case .pow = program.steps[step] else {
                    throw FieldError(field: "powFactors.\(key)", reason: "not the index of a pow step")
                }
                powFactors[step] = try GoldenNumbers.pair(pair, field: "powFactors.\(key)")
            }
            for (i, step) in program.steps.enumerated() {
                if case .pow(_, let e) = step, e != 0, powFactors[i] == nil {
                    throw FieldError(field: "powFactors", reason: "no factor for pow step \(i)")
                }
            }
            return ExpectedResults(values: values, grads: grads, powFactors: powFactors)
        } catch {
            throw malformed(error)
        }
    }
}
