/// The first outputs of the seeded ``Micrograd/RNG`` as its Python twin
/// (`Reference/micrograd_ref/rng.py`) produced them: `nextU64()` from one generator and
/// `random()` from a fresh one with the same seed.
public struct RNGGolden: Sendable {
    /// The seed of both generators.
    public let seed: UInt64
    /// The first outputs of `nextU64()`.
    public let nextU64: [UInt64]
    /// The first outputs of `random()`.
    public let random: [Double]
    /// Where the golden came from.
    public let provenance: Provenance
}

extension ReferenceFiles {
    /// Loads `Reference/goldens/rng.json`.
    public func rngGolden() throws(GoldenError) -> RNGGolden {
        let path = ReferenceFiles.goldensPath("rng")
        let golden = try document(RNGGolden.self, at: path, family: "rng")
        try check(golden.provenance, of: path)
        return golden
    }
}

extension RNGGolden: Decodable {
    /// `{"family": "rng", "format": 1, "nextU64": [int, …], "provenance": {…}, "random": [pair, …],
    /// "seed": int}`.
    public init(from decoder: any Decoder) throws {
        let members = try decoder.document(["family", "format", "nextU64", "provenance", "random", "seed"])
        seed = try members.value("seed")
        nextU64 = try members.value("nextU64")
        random = try members.value("random", as: GoldenNumbers.self).values
        provenance = try members.value("provenance")
    }
}
