/// A small seeded random number generator that gives the same numbers on every platform and in
/// Python: the xorshift* generator of EurekaLabsAI/micrograd's `utils.py` (`RNG`), so data sets
/// and initial weights match theirs and the twin in `Reference/micrograd_ref/rng.py`.
///
/// The algorithm, with all arithmetic modulo 2^64:
/// ```
/// state ^= state >> 12
/// state ^= state << 25
/// state ^= state >> 27
/// output = state * 0x2545F4914F6CDD1D
/// ```
/// - ``nextU64()`` returns `output`; ``nextU32()`` its top 32 bits (Eureka's `random_u32`).
/// - ``random()`` is `Double(nextU32() >> 8) / 16777216.0`: only 24 random bits, a float32-like
///   number in [0, 1). Eureka draws its doubles this way; keeping it gives the same data sets.
/// - ``uniform(_:_:)`` is `a + (b - a) * random()`, as Python's `random.uniform`.
///
/// The state starts as the seed itself, so seed 0 produces only zeros (as in Eureka's).
public struct RNG: Sendable {
    /// The generator's state: the seed, then the last xorshift result.
    public private(set) var state: UInt64

    /// Creates a generator whose state is `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Advances the state and returns the full 64-bit xorshift* output.
    public mutating func nextU64() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// The top 32 bits of ``nextU64()`` (Eureka's `random_u32`).
    public mutating func nextU32() -> UInt32 {
        UInt32(truncatingIfNeeded: nextU64() >> 32)
    }

    /// A number in [0, 1) with 24 random bits: `Double(nextU32() >> 8) / 16777216.0`.
    public mutating func random() -> Double {
        Double(nextU32() >> 8) / 16_777_216.0
    }

    /// A number in [a, b): `a + (b - a) * random()`.
    public mutating func uniform(_ a: Double = 0, _ b: Double = 1) -> Double {
        a + (b - a) * random()
    }
}
