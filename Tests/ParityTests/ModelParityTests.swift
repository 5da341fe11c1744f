import Micrograd
import MicrogradParity
import Testing

/// The training runs of `Reference/cases/models.json`, trained by the engine and compared with
/// the PyTorch twin's goldens: every loss, the gradients of steps 0, 1 and the last, and the
/// final parameters, at 0 ulp — except runs through a documented deviation, only reported.
struct ModelParityTests {
    @Test func everyTrainingRunMatchesTorch() throws {
        let family: ModelFamily
        do {
            family = try ReferenceFiles(packageRoot: PackageRoot.path).modelFamily()
        } catch {
            printParity("\(error)")
            throw error
        }
        let comparisons = family.models.map { model in
            TrainingComparison(name: model.spec.name, expected: model.expected, actual: Training.run(model.spec),
                               deviations: TrainingDeviations.of(model.spec))
        }
        printParity(TrainingReport.summary(comparisons, source: family.provenance.summary))
        let failed = comparisons.filter { !$0.passed }.map(\.name)
        #expect(failed.isEmpty, "training runs differing from torch: \(failed.joined(separator: ", "))")
    }
}
