import Foundation
import Micrograd

/// A training run of `Reference/cases/models.json` with what the PyTorch twin
/// (`Reference/micrograd_ref`) recorded for it.
public struct ModelCase: Sendable {
    /// The run.
    public let spec: ModelSpec
    /// Torch's losses, gradients at steps 0, 1 and the last, and final parameters.
    public let expected: TrainingRecord
}

/// The training runs with their goldens, checked to belong together.
public struct ModelFamily: Sendable {
    /// The runs, in the order of `models.json`.
    public let models: [ModelCase]
    /// Where the goldens came from.
    public let provenance: Provenance
}

extension ReferenceFiles {
    /// Loads the model specs and their goldens and checks that every spec has a golden
    /// generated from exactly that spec (sha256 of its canonical JSON), and no golden is left
    /// without a spec.
    public func modelFamily() throws(GoldenError) -> ModelFamily {
        let specsPath = ReferenceFiles.casesPath("models"), goldensPath = ReferenceFiles.goldensPath("models")
        guard let specs = try document(specsPath).array else {
            throw GoldenError(.malformed, file: specsPath, reason: "expected an array of model specs")
        }
        let goldens = try header(try document(goldensPath), path: goldensPath, family: "models",
                                 keys: ["family", "format", "models", "provenance"])
        let provenance: Provenance, entries: [String: JSONValue]
        do throws(FieldError) {
            provenance = try Provenance(json: try goldens.value("provenance"))
            entries = try goldens.object("models")
        } catch {
            throw GoldenError(.malformed, file: goldensPath, field: error.field, reason: error.reason)
        }
        var models: [ModelCase] = []
        for (index, json) in specs.enumerated() {
            let canonical = CanonicalJSON.bytes(of: json)
            let spec: ModelSpec
            do {
                spec = try JSONDecoder().decode(ModelSpec.self, from: Data(canonical))
            } catch {
                throw GoldenError(.malformed, file: specsPath, caseName: json.object?["name"]?.string,
                                  field: "[\(index)]", reason: "not a model spec: \(error)")
            }
            guard !models.contains(where: { $0.spec.name == spec.name }) else {
                throw GoldenError(.malformed, file: specsPath, caseName: spec.name, reason: "two specs have this name")
            }
            guard let golden = entries[spec.name] else {
                throw GoldenError(.stale, file: goldensPath, caseName: spec.name,
                                  reason: "no golden for this model: it was added or renamed after the goldens were generated")
            }
            let expected = try ReferenceFiles.trainingRecord(golden, name: spec.name, sha256: SHA256.hexDigest(canonical), file: goldensPath)
            models.append(ModelCase(spec: spec, expected: expected))
        }
        if let orphan = entries.keys.sorted().first(where: { name in !models.contains { $0.spec.name == name } }) {
            throw GoldenError(.stale, file: goldensPath, caseName: orphan, reason: "a golden for a model \(specsPath) no longer defines")
        }
        return ModelFamily(models: models, provenance: provenance)
    }

    /// The record a golden entry holds for the spec `name` whose canonical JSON has `sha256`.
    static func trainingRecord(_ golden: JSONValue, name: String, sha256: String, file: String) throws(GoldenError) -> TrainingRecord {
        func malformed(_ error: FieldError) -> GoldenError {
            GoldenError(.malformed, file: file, caseName: name, field: error.field, reason: error.reason)
        }
        let fields: JSONFields, recorded: String
        do {
            fields = try JSONFields(golden)
            try fields.requireKeys(["finalParameters", "gradients", "losses", "sha256"])
            recorded = try fields.string("sha256")
        } catch {
            throw malformed(error)
        }
        guard recorded == sha256 else {
            throw GoldenError(.stale, file: file, caseName: name, field: "sha256",
                              reason: "the model spec changed after its golden was generated")
        }
        do throws(FieldError) {
            var gradients: [Int: [Double]] = [:]
            for (step, grads) in try fields.object("gradients") {
                guard let k = Int(step) else { throw FieldError(field: "gradients.\(step)", reason: "expected a step number") }
                gradients[k] = try GoldenNumbers.pairs(grads, field: "gradients.\(step)")
            }
            return TrainingRecord(
                losses: try GoldenNumbers.pairs(try fields.value("losses"), field: "losses"), gradients: gradients,
                finalParameters: try GoldenNumbers.pairs(try fields.value("finalParameters"), field: "finalParameters"))
        } catch {
            throw malformed(error)
        }
    }
}
