import Foundation
import Micrograd

/// A training run of `Reference/cases/models.json` with what the PyTorch twin
/// (`Reference/micrograd_ref`) recorded for it.
public struct ModelCase: Sendable {
    /// The run.
    public let spec: ModelSpec
    /// Torch's losses, gradients at steps 0, 1 and the last, and final parameters.
    public let expected: TrainingRecord
    /// For a run through documented deviations (``TrainingDeviations``), the same record from
    /// the twin with the forward values of `tanh`, `exp`, `log` and `sqrt` correctly rounded
    /// (mpmath), as the engine computes them with ``Micrograd/MathLibrary/portable``, every other operation,
    /// every backward formula and the optimizer still torch's: what the engine must reproduce
    /// bit for bit. Nil for a run through no deviation, which is held to `expected` itself.
    public let engineMath: TrainingRecord?
}

/// The training runs with their goldens, checked to belong together.
public struct ModelFamily: Sendable {
    /// The runs, in the order of `models.json`, but for those in `problems`.
    public let models: [ModelCase]
    /// Where the goldens came from.
    public let provenance: Provenance
    /// Runs that cannot be compared and goldens without a spec, each named: every one is
    /// reported, and fails the run.
    public let problems: [GoldenError]
}

extension ReferenceFiles {
    /// Loads the model specs and their goldens and checks that every spec has a golden
    /// generated from exactly that spec (its sha256 is the spec's fingerprint, ``CaseLines``:
    /// `models.json` holds one spec per line), and no golden is left without a spec. A file that
    /// cannot be used at all is thrown; each run that cannot is in the family's `problems`.
    public func modelFamily() throws(GoldenError) -> ModelFamily {
        let specsPath = ReferenceFiles.casesPath("models"), goldensPath = ReferenceFiles.goldensPath("models")
        let bytes = try contents(specsPath)
        let specs = try decode([Lenient<ModelSpec>].self, from: bytes, path: specsPath)
        let fingerprints = try ReferenceFiles.fingerprints(bytes, count: specs.count, path: specsPath)
        let document = try self.document(GoldensDocument<ModelGolden>.self, at: goldensPath, family: "models")
        try check(document.provenance, of: goldensPath)
        var models: [ModelCase] = [], problems: [GoldenError] = [], names: Set<String> = []
        for (index, entry) in specs.enumerated() {
            let spec: ModelSpec
            switch entry.result {
            case .success(let decoded):
                spec = decoded
            case .failure(let error):
                if let name = entry.name { names.insert(name) }
                problems.append(
                    GoldenError(
                        .malformed, file: specsPath, caseName: entry.name,
                        field: "[\(index)]" + (error.field.isEmpty ? "" : ".\(error.field)"),
                        reason: "not a model spec: \(error.reason)"))
                continue
            }
            guard names.insert(spec.name).inserted else {
                problems.append(GoldenError(.malformed, file: specsPath, caseName: spec.name, reason: "two specs have this name"))
                continue
            }
            guard let golden = document.entries[spec.name] else {
                problems.append(
                    GoldenError(
                        .stale, file: goldensPath, caseName: spec.name,
                        reason: "no golden for this model: it was added or renamed after the goldens were generated"))
                continue
            }
            do {
                let (expected, engineMath) = try ReferenceFiles.trainingRecords(
                    golden.result, spec: spec, fingerprint: fingerprints[index], file: goldensPath)
                models.append(ModelCase(spec: spec, expected: expected, engineMath: engineMath))
            } catch {
                problems.append(error)
            }
        }
        for orphan in document.entries.keys.sorted() where !names.contains(orphan) {
            problems.append(
                GoldenError(
                    .stale, file: goldensPath, caseName: orphan,
                    reason: "a golden for a model \(specsPath) no longer defines"))
        }
        return ModelFamily(models: models, provenance: document.provenance, problems: problems)
    }

    /// The records a golden entry holds for `spec`, whose line in `models.json` has
    /// `fingerprint`: torch's, and the engine-math one, which must be there exactly when the
    /// run goes through a documented deviation.
    static func trainingRecords(_ entry: Result<ModelGolden, FieldError>, spec: ModelSpec, fingerprint: String, file: String)
        throws(GoldenError) -> (torch: TrainingRecord, engineMath: TrainingRecord?)
    {
        let golden: ModelGolden
        switch entry {
        case .success(let decoded):
            golden = decoded
        case .failure(let error):
            throw GoldenError(.malformed, file: file, caseName: spec.name, field: error.field, reason: error.reason)
        }
        guard golden.sha256 == fingerprint else {
            throw GoldenError(
                .stale, file: file, caseName: spec.name, field: "sha256",
                reason: "the model spec changed after its golden was generated")
        }
        let deviations = TrainingDeviations.of(spec)
        switch (golden.engineMath, deviations.isEmpty) {
        case (nil, false):
            throw GoldenError(
                .stale, file: file, caseName: spec.name, field: "engineMath",
                reason: "missing: the run goes through \(deviations.joined(separator: ", ")), so the engine is held "
                    + "to the twin's run with those functions correctly rounded, which this golden predates")
        case (.some, true):
            throw GoldenError(
                .malformed, file: file, caseName: spec.name, field: "engineMath",
                reason: "unexpected: the twin computed tanh, exp, log or sqrt in this run, but "
                    + "TrainingDeviations finds no documented deviation in its spec")
        default:
            return (golden.torch, golden.engineMath)
        }
    }
}

/// What the twin recorded for one run: torch's series, the spec's fingerprint, and for a run
/// through documented deviations the engine-math series.
struct ModelGolden: GoldenEntry {
    static let entriesKey = "models"

    let torch: TrainingRecord
    let engineMath: TrainingRecord?
    let sha256: String

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(["finalParameters", "gradients", "losses", "sha256"], optional: ["engineMath"])
        sha256 = try members.value("sha256")
        torch = try ModelGolden.record(members)
        if members.contains(MemberKey("engineMath")) {
            engineMath = try members.value("engineMath", as: EngineMathSeries.self).record
        } else {
            engineMath = nil
        }
    }

    /// The losses, gradients and final parameters of a golden record.
    static func record(_ members: KeyedDecodingContainer<MemberKey>) throws -> TrainingRecord {
        var gradients: [Int: [Double]] = [:]
        for (step, grads) in try members.dictionary("gradients", of: GoldenNumbers.self) {
            guard let k = Int(step) else {
                throw FieldError(at: members.codingPath + [MemberKey("gradients"), MemberKey(step)], reason: "expected a step number")
            }
            gradients[k] = grads.values
        }
        return TrainingRecord(
            losses: try members.value("losses", as: GoldenNumbers.self).values, gradients: gradients,
            finalParameters: try members.value("finalParameters", as: GoldenNumbers.self).values)
    }
}

/// The engine-math series of a run: `{"finalParameters", "gradients", "losses"}`.
private struct EngineMathSeries: Decodable {
    let record: TrainingRecord

    init(from decoder: any Decoder) throws {
        record = try ModelGolden.record(try decoder.members(["finalParameters", "gradients", "losses"]))
    }
}
