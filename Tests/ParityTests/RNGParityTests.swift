import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// The seeded generator against its Python twin: the first outputs of `nextU64()` and of
/// `random()`, bit for bit.
struct RNGParityTests {
    @Test func generatorMatchesPythonTwin() throws {
        let golden: RNGGolden
        do {
            golden = try ReferenceFiles(packageRoot: PackageRoot.path).rngGolden()
        } catch {
            printParity("\(error)")
            throw error
        }
        var rng = RNG(seed: golden.seed)
        let outputs = golden.nextU64.map { _ in rng.nextU64() }
        rng = RNG(seed: golden.seed)
        let randoms = SeriesComparison("random()", expected: golden.random, actual: golden.random.map { _ in rng.random() })
        let firstOutputDifference = zip(golden.nextU64, outputs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        printParity(
            "RNG parity (seed \(golden.seed)): \(golden.nextU64.count) nextU64() outputs "
                + (firstOutputDifference.map { "differ from index \($0)" } ?? "identical")
                + ", \(golden.random.count) random() outputs, worst \(randoms.worst)")
        #expect(firstOutputDifference == nil, "nextU64() output \(firstOutputDifference ?? 0) differs")
        #expect(randoms.passed, "\(randoms.divergenceText ?? "")")
    }
}
