import Foundation
import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// The training runs of `Reference/cases/models.json`, trained by the engine and compared with
/// the PyTorch twin's goldens: every loss, the gradients of steps 0, 1 and the last, and the
/// final parameters, at 0 ulp — against torch, or for a run through a documented deviation
/// against the twin's engine-math record, its drift from torch reported.
struct ModelParityTests {
    static func family(root: String = PackageRoot.path) throws -> ModelFamily {
        do {
            return try ReferenceFiles(packageRoot: root).modelFamily()
        } catch {
            printParity("\(error)")
            throw error
        }
    }

    /// The training runs with their goldens, loaded once per test process (nil when the file
    /// can't be used at all: ``loads()`` reports why).
    static let loaded = try? family()

    /// Each run trained by the engine once per test process and compared with its goldens.
    static let comparisons = (loaded?.models ?? []).map { TrainingComparison($0, actual: Training.run($0.spec)) }

    /// The names of the runs `Reference/cases/models.json` defines, in its order.
    static let names =
        (try? JSONDecoder().decode(
            [ModelSpec].self,
            from: Data(
                contentsOf: URL(
                    fileURLWithPath: PackageRoot.file(ReferenceFiles.casesPath("models"))))
        ).map(\.name)) ?? []

    @Test("The training goldens load, every run has one; the summary: worst ulp per run and series")
    func loads() throws {
        let family = try ModelParityTests.family()
        printParity(TrainingReport.summary(ModelParityTests.comparisons, source: family.provenance.summary))
        if !family.problems.isEmpty { printParity(GoldenError.report(family.problems)) }
        #expect(
            family.problems.isEmpty,
            "\(family.problems.count) training run(s) could not be compared:\n\(GoldenError.report(family.problems))")
        #expect(family.models.map(\.spec.name) == ModelParityTests.names)
    }

    @Test("The training run matches its reference: every loss, gradient and final parameter", arguments: names)
    func trainingRun(_ name: String) throws {
        let model = try #require(ModelParityTests.loaded?.models.first { $0.spec.name == name }, "no golden for \(name) could be loaded")
        #expect(
            (model.engineMath != nil) == !TrainingDeviations.of(model.spec).isEmpty,
            "\(name): engine-math record iff the run goes through a documented deviation")
        let comparison = try #require(ModelParityTests.comparisons.first { $0.name == name })
        #expect(comparison.passed, "\(comparison.failureText)")
    }

    /// A run through deviations fails as soon as one number of its engine-math record changes:
    /// the deviations excuse nothing but themselves.
    @Test func aCorruptedEngineMathRecordFails() throws {
        let family = try ModelParityTests.family()
        let model = try #require(
            family.models.first { $0.engineMath != nil && $0.spec.steps <= 20 },
            "a short run through a documented deviation (lecture)")
        let actual = Training.run(model.spec)
        #expect(TrainingComparison(model, actual: actual).passed)

        var corrupted = try #require(model.engineMath)
        let step = try #require(corrupted.gradients.keys.max())
        corrupted.gradients[step]![0] = corrupted.gradients[step]![0].nextUp
        let comparison = TrainingComparison(
            name: model.spec.name, expected: model.expected, engineMath: corrupted,
            actual: actual, deviations: TrainingDeviations.of(model.spec))
        #expect(!comparison.passed)
        #expect(comparison.verdict == "FAILED")
        #expect(comparison.worstGradient == UlpDistance(steps: 1))
        #expect(comparison.failureText.contains("gradients at step \(step) [0]: expected (engine math)"))
        #expect(TrainingReport.summary([comparison], source: "test").hasPrefix("Training parity: FAILED"))
    }

    /// A golden without the engine-math record a deviating run needs, or with a bad number in
    /// it, is reported with the file, the case and the field.
    @Test func engineMathGoldenErrorsNameFileCaseAndField() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parity-models-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The specs file is copied byte for byte (its lines are the fingerprints); the goldens
        // are edited as JSONSerialization objects.
        let specs = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.file(ReferenceFiles.casesPath("models"))))
        let goldensData = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.file(ReferenceFiles.goldensPath("models"))))
        let goldens = try #require(try JSONSerialization.jsonObject(with: goldensData) as? [String: Any])
        let lecture = try #require((goldens["models"] as? [String: Any])?["lecture"] as? [String: Any])
        let engineMath = try #require(lecture["engineMath"] as? [String: Any])

        func loadingError(lecture edited: [String: Any]) throws -> GoldenError? {
            var models = try #require(goldens["models"] as? [String: Any])
            models["lecture"] = edited
            var document = goldens
            document["models"] = models
            for (path, data) in [
                (ReferenceFiles.casesPath("models"), specs),
                (ReferenceFiles.goldensPath("models"), try JSONSerialization.data(withJSONObject: document)),
            ] {
                let url = URL(fileURLWithPath: "\(root)/\(path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            do {
                return try ReferenceFiles(packageRoot: root, provenanceCheck: .checkout(PackageRoot.path)).modelFamily().problems.first
            } catch {
                return error
            }
        }

        #expect(try loadingError(lecture: lecture) == nil)

        var withoutEngineMath = lecture
        withoutEngineMath["engineMath"] = nil
        let stale = try #require(try loadingError(lecture: withoutEngineMath))
        #expect(stale.kind == .stale)
        #expect(stale.file == ReferenceFiles.goldensPath("models"))
        #expect(stale.caseName == "lecture")
        #expect(stale.field == "engineMath")

        var badLoss = engineMath
        badLoss["losses"] = [["0x1p+0", "2.0"]]
        var withBadLoss = lecture
        withBadLoss["engineMath"] = badLoss
        let malformed = try #require(try loadingError(lecture: withBadLoss))
        #expect(malformed.kind == .malformed)
        #expect(malformed.caseName == "lecture")
        #expect(malformed.field == "engineMath.losses[0]")
        #expect(malformed.description.contains("Reference/goldens/models.json, case \"lecture\", field engineMath.losses[0]"))
    }
}
