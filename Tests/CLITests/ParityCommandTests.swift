import Foundation
import TestSupport
import Testing

/// `micrograd parity` exits non-zero on a mismatch and reports it, in JSON with `--json`.
@Suite("micrograd parity")
struct ParityCommandTests {
    @Test("A golden 1 ulp off: exit 1, and --json names the case, the node and the distance")
    func mismatchExitsOne() throws {
        let root = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The whole Reference/ folder: the goldens' provenance names the generator's sources.
        try FileManager.default.copyItem(atPath: "\(PackageRoot.path)/Reference", toPath: "\(root)/Reference")
        // binary/add/a_b is 1.5 + -2.25 = -0.75 (-0x1.8p-1); its golden moved 1 ulp towards zero.
        let goldens = "\(root)/Reference/goldens/ops.json"
        let text = try String(contentsOfFile: goldens, encoding: .utf8)
        let original = #""values":[["0x1.8p+0","1.5"],["-0x1.2p+1","-2.25"],["-0x1.8p-1","-0.75"]]}"#
        let nudged = #""values":[["0x1.8p+0","1.5"],["-0x1.2p+1","-2.25"],["-0x1.7ffffffffffffp-1","-0.7499999999999999"]]}"#
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(#""binary/add/a_b":"#) })
        #expect(line.contains(original), "the golden of binary/add/a_b: \(line)")
        try text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: original, with: nudged))
            .write(toFile: goldens, atomically: true, encoding: .utf8)

        let outcome = try CommandRunner.run(["parity", "--json", "--root", root])
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["passed"] as? Bool == false)
        #expect(report["failureCount"] as? Int == 1)
        let failure = try #require((report["failures"] as? [[String: Any]])?.first)
        #expect(failure["family"] as? String == "ops")
        #expect(failure["name"] as? String == "binary/add/a_b")
        let first = try #require(failure["firstValue"] as? [String: Any])
        #expect(first["node"] as? Int == 2)
        #expect(first["op"] as? String == "add")
        #expect(first["ulp"] as? Int == 1)
        #expect(first["budgetUlp"] as? Int == 0)
        #expect((failure["detail"] as? String)?.contains("first divergent value (creation order): node #2") == true)
        let training = try #require(report["training"] as? [[String: Any]])
        #expect(training.map { $0["name"] as? String } == ["lecture", "moons", "yinyang"])
        #expect(training.allSatisfy { $0["passed"] as? Bool == true })
        let families = try #require(report["families"] as? [[String: Any]])
        #expect(families.map { $0["cases"] as? Int ?? 0 }.reduce(0, +) == report["cases"] as? Int)
    }
}
