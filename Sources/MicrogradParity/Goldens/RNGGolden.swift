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
        let fields = try header(try document(path), path: path, family: "rng",
                                keys: ["family", "format", "nextU64", "provenance", "random", "seed"])
        let golden: RNGGolden
        do throws(FieldError) {
            guard case .number(let seedText) = try fields.value("seed"), let seed = UInt64(seedText) else {
                throw FieldError(field: "seed", reason: "expected an unsigned 64-bit integer")
            }
            let outputs = try fields.array("nextU64").enumerated().map { (i, json) throws(FieldError) -> UInt64 in
                guard case .number(let text) = json, let output = UInt64(text) else {
                    throw FieldError(field: "nextU64[\(i)]", reason: "expected an unsigned 64-bit integer")
                }
                return output
            }
            golden = RNGGolden(seed: seed, nextU64: outputs, random: try GoldenNumbers.pairs(try fields.value("random"), field: "random"),
                               provenance: try Provenance(json: try fields.value("provenance")))
        } catch {
            throw GoldenError(.malformed, file: path, field: error.field, reason: error.reason)
        }
        try check(golden.provenance, of: path)
        return golden
    }
}
