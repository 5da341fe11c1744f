import Foundation
import Micrograd
import TestSupport
import Testing

/// Training runs against `Reference/micrograd_ref/models.py` (`train(spec)`), on a spec small
/// enough for a unit test and made only of operations that are exact in the engine.
struct NNTrainingTests {
    static let tinyMoons = """
        {"name": "tiny", "seed": 3, "dataset": {"kind": "moons", "count": 20, "noise": 0.1},
         "model": {"inputs": 2, "layers": [4, 1], "activation": "relu", "outputActivation": "linear",
                   "initializer": "micrograd"},
         "loss": {"kind": "maxMargin", "l2": 0.0001},
         "optimizer": {"kind": "sgd", "learningRate": 1.0, "learningRateDecay": 0.9, "decaySteps": 100},
         "steps": 5}
        """

    @Test func tinyMoonsMatchesTorch() throws {
        let spec = try JSONDecoder().decode(ModelSpec.self, from: Data(Self.tinyMoons.utf8))
        let record = Training.run(spec)
        #expect(
            record.losses.map(\.bitPattern) == [
                0x3ff0_5a29_cedb_6ed7, 0x3fe5_58cd_c7c8_77ba, 0x3fe2_ec50_1b77_0170, 0x3fdf_6061_51a2_bfbf,
                0x3fda_ff8e_c36d_df08,
            ])
        #expect(record.gradients.keys.sorted() == [0, 1, 4])
        #expect(
            record.gradients[0]?.prefix(3).map(\.bitPattern) == [
                0xbfd0_7682_623d_fa6b, 0x3fc0_01ef_f259_3638, 0xbfca_d2f7_c000_0000,
            ])
        #expect(record.gradients[4]?.last?.bitPattern == 0xbfb9_9ec5_4493_5eef)
        #expect(record.finalParameters.count == 17)
        #expect(record.finalParameters.prefix(2).map(\.bitPattern) == [0x3fea_1416_60eb_bfb0, 0xbfe8_5599_04a3_f630])
        #expect(record.finalParameters.last?.bitPattern == 0xbfd3_128e_eebc_cc65)
    }

    @Test func referenceSpecsDecode() throws {
        let url = URL(fileURLWithPath: PackageRoot.file("Reference/cases/models.json"))
        let specs = try JSONDecoder().decode([ModelSpec].self, from: Data(contentsOf: url))
        #expect(specs.map(\.name) == ["lecture", "moons", "yinyang"])
        #expect(specs[0].model.initializer == .lecture && specs[0].optimizer.learningRate == 0.1)
        #expect(specs[1].model.layers == [16, 16, 1] && specs[1].loss.l2 == 1e-4)
        #expect(specs[2].optimizer.kind == .adamw && specs[2].model.initializer == .eureka)
    }
}
