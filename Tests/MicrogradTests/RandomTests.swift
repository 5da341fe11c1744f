import Testing
import Micrograd

/// The RNG against numbers printed by the Python twin (`Reference/micrograd_ref/rng.py`).
struct RandomTests {
    @Test func firstOutputsOfSeed42() {
        var rng = RNG(seed: 42)
        let outputs = (0..<5).map { _ in rng.nextU64() }
        #expect(
            outputs == [
                0x56ce_4ab7_719b_a3a0, 0xc841_eb53_ebbb_2dda, 0xca46_6be0_c998_0276, 0xf1ac_c733_4a7b_70df,
                0xc3af_4dd7_fb90_0a06,
            ])
    }

    @Test func firstOutputsOfSeed1() {
        var rng = RNG(seed: 1)
        let outputs = (0..<3).map { _ in rng.nextU64() }
        #expect(outputs == [0x47e4_ce4b_896c_dd1d, 0xabcf_a6a8_e079_651d, 0xb9d1_0d8f_eb73_1f57])
    }

    @Test func u32IsTheTopHalf() {
        var rng = RNG(seed: 42)
        #expect((0..<3).map { _ in rng.nextU32() } == [0x56ce_4ab7, 0xc841_eb53, 0xca46_6be0])
    }

    @Test func randomHas24Bits() {
        var rng = RNG(seed: 42)
        let draws = (0..<3).map { _ in rng.random() }
        #expect(draws.map(\.bitPattern) == [0x3fd5_b392_8000_0000, 0x3fe9_083d_6000_0000, 0x3fe9_48cd_6000_0000])
        #expect(draws.allSatisfy { ($0 * 16_777_216).rounded() == $0 * 16_777_216 })
    }

    @Test func uniform() {
        var rng = RNG(seed: 7)
        let draws = (0..<3).map { _ in rng.uniform(-1, 1) }
        #expect(draws.map(\.bitPattern) == [0x3fe4_7eeb_c000_0000, 0x3feb_691b_0000_0000, 0xbfea_4818_c000_0000])
    }

    @Test func seedZeroStaysZero() {
        var rng = RNG(seed: 0)
        #expect(rng.nextU64() == 0)
        #expect(rng.state == 0)
    }
}
