import Foundation
import Micrograd

/// `NAME-run.json` of a demo: the run and what it measured.
struct DemoRecord: Encodable {
    struct Step: Encodable {
        let step: Int, loss: Double, accuracy: Double
    }

    let spec: ModelSpec
    let steps: [Step]
    /// The last step's loss and accuracy (before its update).
    let lastLoss: Double
    let lastAccuracy: Double
    let seconds: Double
    let finalParameters: [Double]
    let files: [String]

    init(spec: ModelSpec, session: TrainingSession, history: [TrainingStep], seconds: Double, files: [String]) {
        self.spec = spec
        steps = history.map { Step(step: $0.step, loss: $0.loss, accuracy: $0.accuracy) }
        lastLoss = history.last?.loss ?? .nan
        lastAccuracy = history.last?.accuracy ?? .nan
        self.seconds = seconds
        finalParameters = session.model.parameters().map(\.data)
        self.files = files
    }

}
