import Testing
import Micrograd

/// One update against the numbers `torch` prints for the same tensors.
struct NNOptimizerTests {
    @Test func sgdWithSchedule() {
        let w = Value(0.7)
        w.grad = -0.123456789
        var sgd = SGD(parameters: [w], learningRate: { k in 1.0 - 0.9 * Double(k + 3) / 100 })
        sgd.step()
        // torch: with no_grad: w -= (1.0 - 0.9 * 3 / 100) * w.grad
        #expect(w.data.bitPattern == 0x3fea_3e73_8b9c_d5f9)
        #expect(sgd.stepCount == 1)
    }

    @Test func adamWMatchesTorch() {
        let parameters = [Value(0.5), Value(-1.25), Value(3.0)]
        var adam = AdamW(parameters: parameters, learningRate: 0.1, beta1: 0.9, beta2: 0.95, weightDecay: 1e-4)
        let gradients: [[Double]] = [[0.3, -0.7, 1e-3], [-0.2, 0.05, 2.5], [0.11, -0.9, -4.0]]
        // torch.optim.AdamW(lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4), 0-dim float64.
        let expected: [[UInt64]] = [
            [0x3fd9_9984_a478_5330, 0xbff2_6659_4b57_1c8a, 0x4007_3323_fee2_7199],
            [0x3fd8_ab84_4c82_368b, 0xbff1_6712_cf00_1cca, 0x4006_9c81_da09_e2eb],
            [0x3fd6_c3ff_4553_7479, 0xbff0_22f3_4463_40a3, 0x4006_cc1d_c25a_567a],
        ]
        for (g, want) in zip(gradients, expected) {
            for (p, gi) in zip(parameters, g) { p.grad = gi }
            adam.step()
            #expect(parameters.map(\.data.bitPattern) == want)
        }
        #expect(
            adam.firstMoments.map(\.bitPattern) == [
                0x3f91_b717_58e2_1964, 0xbfc2_339c_0ebe_dfa3, 0xbfc6_63be_ec39_799e,
            ])
        #expect(
            adam.secondMoments.map(\.bitPattern) == [
                0x3f7a_e536_501e_258b, 0x3fb0_0f12_c27a_6377, 0x3ff1_8ccc_d8e9_c436,
            ])
    }
}
