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
    /// generated from exactly that spec (sha256 of its canonical JSON), and no golden is left
    /// without a spec. A file that cannot be used at all is thrown; each run that cannot is in
    /// the family's `problems`.
    public func modelFamily() throws(GoldenError) -> ModelFamily {
        let specsPath = ReferenceFiles.casesPath("models"), goldensPath = ReferenceFiles.goldensPath("models")
        guard let specs = try document(specsPath).array else {
            throw GoldenError(.malformed, file: specsPath, reason: "expected an array of model specs")
        }
        let (provenance, entries) = try goldens("models", entriesKey: "models")
        var models: [ModelCase] = [], problems: [GoldenError] = [], names: Set<String> = []
        for (index, json) in specs.enumerated() {
            let canonical = CanonicalJSON.bytes(of: json)
            let spec: ModelSpec
            do {
                spec = try JSONDecoder().decode(ModelSpec.self, from: Data(canonical))
            } catch {
                let name = json.object?["name"]?.string
                if let name { names.insert(name) }
                problems.append(GoldenError(.malformed, file: specsPath, caseName: name,
                                            field: "[\(index)]", reason: "not a model spec: \(error)"))
                continue
            }
            guard names.insert(spec.name).inserted else {
                problems.append(GoldenError(.malformed, file: specsPath, caseName: spec.name, reason: "two specs have this name"))
                continue
            }
            guard let golden = entries[spec.name] else {
                problems.append(GoldenError(.stale, file: goldensPath, caseName: spec.name,
                                            reason: "no golden for this model: it was added or renamed after the goldens were generated"))
                continue
            }
            do {
                let (expected, engineMath) = try ReferenceFiles.trainingRecords(
                    golden, spec: spec, sha256: SHA256.hexDigest(canonical), file: goldensPath)
                models.append(ModelCase(spec: spec, expected: expected, engineMath: engineMath))
            } catch {
                problems.append(error)
            }
        }
        for orphan in entries.keys.sorted() where !names.contains(orphan) {
            problems.append(GoldenError(.stale, file: goldensPath, caseName: orphan,
                                        reason: "a golden for a model \(specsPath) no longer defines"))
        }
        return ModelFamily(models: models, provenance: provenance, problems: problems)
    }

    /// The records a golden entry holds for `spec`, whose canonical JSON has `sha256`: torch's,
    /// and the engine-math one, which must be there exactly when the run goes through a
    /// documented deviation.
    static func trainingRecords(_ golden: JSONValue, spec: ModelSpec, sha256: String, file: String)
        throws(GoldenError) -> (torch: TrainingRecord, engineMath: TrainingRecord?)
    {
        func malformed(_ error: FieldError) -> GoldenError {
            GoldenError(.malformed, file: file, caseName: spec.name, field: error.field, reason: error.reason)
        }
        let fields: JSONFields, recorded: String
        do {
            fields = try JSONFields(golden)
            let required: Set = ["finalParameters", "gradients", "losses", "sha256"]
            try fields.requireKeys(fields.members["engineMath"] == nil ? required : required.union(["engineMath"]))
            recorded = try fields.string("sha256")
        } catch {
            throw malformed(error)
        }
        guard recorded == sha256 else {
            throw GoldenError(.stale, file: file, caseName: spec.name, field: "sha256",
                              reason: "the model spec changed after its golden was generated")
        }
        let deviations = TrainingDeviations.of(spec)
        switch (fields.members["engineMath"], deviations.isEmpty) {
        case (nil, false):
            throw GoldenError(.stale, file: file, caseName: spec.name, field: "engineMath",
                              reason: "missing: the run goes through \(deviations.joined(separator: ", ")), so the engine is held "
                                  + "to the twin's run with those functions correctly rounded, which this golden predates")
        case (.some, true):
            throw GoldenError(.malformed, file: file, caseName: spec.name, field: "engineMath",
                              reason: "unexpected: the twin computed tanh, exp, log or sqrt in this run, but "
                                  + "TrainingDeviations finds no documented deviation in its spec")
        default:
            break
        }
        do throws(FieldError) {
            let torch = try trainingRecord(fields)
            guard let engineMath = fields.members["engineMath"] else { return (torch, nil) }
            do throws(FieldError) {
                let engineFields = try JSONFields(engineMath)
                try engineFields.requireKeys(["finalParameters", "gradients", "losses"])
                return (torch, try trainingRecord(engineFields))
            } catch {
                throw error.inside("engineMath")
            }
        } catch {
            throw malformed(error)
        }
    }

    /// The losses, gradients and final parameters of a golden record.
    private static func trainingRecord(_ fields: JSONFields) throws(FieldError) -> TrainingRecord {
        var gradients: [Int: [Double]] = [:]
        for (step, grads) in try fields.object("gradients") {
            guard let k = Int(step) else { throw FieldError(field: "gradients.\(step)", reason: "expected a step number") }
            gradients[k] = try GoldenNumbers.pairs(grads, field: "gradients.\(step)")
        }
        return TrainingRecord(
            losses: try GoldenNumbers.pairs(try fields.value("losses"), field: "losses"), gradients: gradients,
            finalParameters: try GoldenNumbers.pairs(try fields.value("finalParameters"), field: "finalParameters"))
    }
}
