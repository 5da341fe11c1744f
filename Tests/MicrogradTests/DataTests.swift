import Testing
import Micrograd

/// The data sets against points printed by the Python twin (`Reference/micrograd_ref/data.py`).
struct DataTests {
    @Test func lecture() {
        let data = Dataset.lecture
        #expect(data.inputs == [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]])
        #expect(data.labels == [1, -1, -1, 1])
    }

    @Test func moons() {
        var rng = RNG(seed: 42)
        let data = Dataset.moons(count: 100, noise: 0.1, rng: &rng)
        #expect(data.count == 100)
        #expect(data.inputs[0].map(\.bitPattern) == [0x3ff0_4b08_8a16_fbfd, 0xbfb6_d247_eef2_e78d])
        #expect(data.inputs[50].map(\.bitPattern) == [0x3fc4_9c6b_c1a9_e3b2, 0x3fdc_35dc_5198_b5f2])
        #expect(data.inputs[99].map(\.bitPattern) == [0x3ffe_ce99_01c6_65d1, 0x3fe0_9960_8dc1_bff1])
        #expect(data.labels.prefix(50).allSatisfy { $0 == -1 } && data.labels.suffix(50).allSatisfy { $0 == 1 })
        // Two draws per point.
        #expect(rng.nextU64() == 0x4d90_f6dd_5c7b_e091)
    }

    @Test func moonsWithoutNoiseLieOnTheCircles() {
        var rng = RNG(seed: 1)
        let data = Dataset.moons(count: 5, noise: 0, rng: &rng)
        #expect(data.inputs[0] == [1, 0])
        #expect(data.inputs[1] == [-1, 1.2246467991473532e-16])
        #expect(data.inputs[2] == [0, 0.5])
        #expect(data.inputs[3] == [0.9999999999999999, -0.5])
        #expect(data.inputs[4] == [2, 0.4999999999999999])
        #expect(data.labels == [-1, -1, 1, 1, 1])
    }

    @Test func yinYang() {
        var rng = RNG(seed: 42)
        let splits = Dataset.yinYang(count: 100, rng: &rng)
        #expect(splits.train.count == 80 && splits.validation.count == 10 && splits.test.count == 10)
        #expect(splits.train.inputs[0].map(\.bitPattern) == [0xbfe4_98db_0000_0000, 0x3ff2_107a_c000_0000])
        #expect(Array(splits.train.labels.prefix(6)) == [0, 1, 2, 0, 1, 2])
        #expect(splits.test.inputs[9].map(\.bitPattern) == [0x3fcb_6eda_0000_0000, 0x3ffa_409d_c000_0000])
        #expect(splits.test.labels[9] == 0)
        #expect((0..<3).map { c in splits.train.labels.count { $0 == c } } == [27, 27, 26])
        #expect(rng.nextU64() == 0xdea0_4944_18b9_03eb)
    }

    @Test func yinYangPointsLieInTheDisc() {
        var rng = RNG(seed: 9)
        let splits = Dataset.yinYang(count: 30, rng: &rng)
        for point in splits.train.inputs + splits.validation.inputs + splits.test.inputs {
            #expect(point[0] * point[0] + point[1] * point[1] <= 4.000001)
        }
    }
}
