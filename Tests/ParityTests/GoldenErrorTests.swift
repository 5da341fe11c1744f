import Foundation
import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// Missing, malformed and stale reference files fail with the file, the case, the field, and
/// the command that fixes them. Each test writes a small `ops` family into a temporary folder.
struct GoldenErrorTests {
    /// A temporary package root holding `Reference/cases/ops.json` and `Reference/goldens/ops.json`.
    /// Cases and goldens are kept as `JSONSerialization` objects, so that tests can break them.
    final class Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parity-goldens-\(UUID())").path
        var cases: [[String: Any]]
        var goldens: [String: Any]

        /// Two programs, with the engine's own results standing in for torch's.
        init() throws {
            let programs = [
                try CaseProgram(name: "a", steps: [.leaf(0.5), .unary(.exp, 0), .constantLeft(.rdiv, 2, 1)]),
                try CaseProgram(name: "b", steps: [.leaf(-0.0), .leaf(3), .binary(.mul, 0, 1), .unary(.relu, 0)]),
            ]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let lines = try programs.map { try encoder.encode($0) }
            cases = try lines.map { try #require(try JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
            goldens = [:]
            for (program, line) in zip(programs, lines) {
                let run = ProgramRun(program)
                let steps = program.steps.indices
                // Node 2 of "b" is never reached from the root (node 3): torch's grad is None.
                let grads: [Any] = steps.map { i in program.name == "b" && i == 2 ? NSNull() as Any : Fixture.pair(run.grads[i]) as Any }
                goldens[program.name] = [
                    "grads": grads, "powFactors": [String: Any](),
                    "sha256": CaseLines.fingerprint(line), "values": run.values.map(Fixture.pair),
                ]
            }
        }

        static func pair(_ x: Double) -> [Any] { [HexFloat.format(x), "\(x)"] }

        /// A provenance header that passes the checks: the pinned torch, with a build tag.
        var provenance: [String: Any] = [
            "cpuCapability": "AVX2", "generator": [String: Any](), "inputs": [String: Any](), "libc": "glibc 2.36",
            "machine": "x86_64", "python": "3.11", "system": "Linux",
            "torch": (try? ReferenceFiles.pinnedTorch(in: PackageRoot.path)).map { $0 + "+cpu" } ?? "unpinned",
        ]

        /// The reference files, their provenance checked against this checkout's pin and sources.
        var files: ReferenceFiles { ReferenceFiles(packageRoot: root, provenanceCheck: .checkout(PackageRoot.path)) }

        /// `object` as compact JSON with sorted keys.
        static func text(_ object: Any) throws -> String {
            String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                as: UTF8.self)
        }

        /// Writes the case file (one case per line, as `Reference/author_cases.py` does) and the
        /// golden file, or the given texts instead.
        func write(cases casesText: String? = nil, goldens goldensText: String? = nil, family name: String = "ops") throws {
            let caseLines = try cases.map(Fixture.text).joined(separator: ",\n")
            let casesDocument = "{\n\"cases\":[\n\(caseLines)\n],\n\"family\":\"\(name)\",\n\"format\":1\n}\n"
            let goldensDocument = try Fixture.text(["cases": goldens, "family": name, "format": 1, "provenance": provenance])
            for (folder, text) in [("cases", casesText ?? casesDocument), ("goldens", goldensText ?? goldensDocument)] {
                try FileManager.default.createDirectory(atPath: "\(root)/Reference/\(folder)", withIntermediateDirectories: true)
                try text.write(toFile: "\(root)/Reference/\(folder)/\(name).json", atomically: true, encoding: .utf8)
            }
        }

        /// The error loading the family raises, or else the first case it could not load (nil
        /// if it loads whole).
        func loadingError() -> GoldenError? {
            do {
                return try files.programFamily("ops").problems.first
            } catch {
                return error
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func editGolden(_ name: String, _ key: String, _ edit: (inout [Any]) -> Void) {
            var entry = goldens[name] as! [String: Any]
            var list = entry[key] as! [Any]
            edit(&list)
            entry[key] = list
            goldens[name] = entry
        }

        func editGolden(_ name: String, _ edit: (inout [String: Any]) -> Void) {
            var entry = goldens[name] as! [String: Any]
            edit(&entry)
            goldens[name] = entry
        }

        func editStep(ofCase index: Int, step: Int, to replacement: [String: Any]) {
            var steps = cases[index]["steps"] as! [Any]
            steps[step] = replacement
            cases[index]["steps"] = steps
        }
    }

    @Test func validFilesLoad() throws {
        let fixture = try Fixture()
        try fixture.write()
        let family = try fixture.files.programFamily("ops")
        #expect(family.cases.map(\.program.name) == ["a", "b"])
        #expect(family.cases[1].expected.grads[2] == nil)
        #expect(family.problems.isEmpty)
    }

    @Test func missingGoldenFile() throws {
        let fixture = try Fixture()
        try fixture.write()
        try FileManager.default.removeItem(atPath: "\(fixture.root)/Reference/goldens/ops.json")
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .missing && error.file == "Reference/goldens/ops.json")
        #expect(error.description.contains("fix: run `bash Scripts/regen_reference.sh`"))
    }

    @Test func invalidJSONSaysWhere() throws {
        let fixture = try Fixture()
        // Cut short inside case "a": the line that does not parse is named.
        try fixture.write(goldens: "{\n\"cases\": {\n\"a\": [1, 2,\n")
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.file == "Reference/goldens/ops.json")
        #expect(error.reason.contains("line 3"))
    }

    /// A case file must hold one case per line: the fingerprints are the lines' SHA-256.
    @Test func caseFileWithoutOneCasePerLineIsMalformed() throws {
        let fixture = try Fixture()
        try fixture.write(cases: try Fixture.text(["cases": fixture.cases, "family": "ops", "format": 1]))
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.file == "Reference/cases/ops.json")
        #expect(error.reason.hasPrefix("2 cases on 1 lines starting with {\""))
    }

    @Test func changedCaseIsStale() throws {
        let fixture = try Fixture()
        fixture.editStep(ofCase: 1, step: 1, to: ["op": "leaf", "value": "0x1p+2"])
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .stale && error.caseName == "b" && error.field == "sha256")
        #expect(error.description.contains("Reference/goldens/ops.json, case \"b\", field sha256"))
    }

    @Test func caseWithoutGoldenIsStale() throws {
        let fixture = try Fixture()
        fixture.goldens["a"] = nil
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .stale && error.caseName == "a")
    }

    @Test func goldenWithoutCaseIsStale() throws {
        let fixture = try Fixture()
        fixture.cases.removeFirst()
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .stale && error.caseName == "a")
    }

    @Test func nonCanonicalHexIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("a", "values") { $0[0] = ["0x1.00p-1", "0.5"] }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "a" && error.field == "values[0][0]")
    }

    @Test func decimalThatDisagreesIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("b", "grads") { $0[1] = ["-0x0p+0", "0.0"] }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "b" && error.field == "grads[1]")
    }

    @Test func wrongNumberOfEntriesIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("a", "grads") { $0.removeLast() }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.field == "grads" && error.reason == "2 entries for 3 steps")
    }

    @Test func powFactorOfAnotherStepIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("a") { $0["powFactors"] = ["1": Fixture.pair(1.5)] }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(
            error.kind == .malformed && error.caseName == "a" && error.field == "powFactors.1"
                && error.reason == "not the index of a pow step")
    }

    @Test func missingPowFactorsIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("b") { $0["powFactors"] = nil }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "b" && error.field == "powFactors" && error.reason == "missing")
    }

    @Test func malformedCaseFileNamesTheStep() throws {
        let fixture = try Fixture()
        fixture.editStep(ofCase: 0, step: 2, to: ["op": "rdiv", "args": [7], "const": "0x1p+1", "constFirst": true])
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.file == "Reference/cases/ops.json")
        #expect(error.caseName == "a" && error.field == "steps[2].args")
    }
}

/// Goldens made by another torch than the pin, or by other generator sources, are refused;
/// every broken file and case is reported in one run; a wrong root says so.
struct GoldenProvenanceTests {
    typealias Fixture = GoldenErrorTests.Fixture

    @Test func goldensOfAnotherTorchFail() throws {
        let fixture = try Fixture()
        fixture.provenance["torch"] = "2.14.0+cpu"
        try fixture.write()
        let error = try #require(fixture.loadingError())
        let pinned = try ReferenceFiles.pinnedTorch(in: PackageRoot.path)
        #expect(error.kind == .stale && error.file == "Reference/goldens/ops.json" && error.field == "provenance.torch")
        #expect(error.reason == "generated by torch 2.14.0+cpu, but Reference/requirements.txt pins torch==\(pinned)")
        #expect(error.description.contains("fix: run `bash Scripts/regen_reference.sh`"))
    }

    @Test func goldensOfOtherGeneratorSourcesFail() throws {
        let fixture = try Fixture()
        fixture.provenance["generator"] = ["Reference/generate.py": String(repeating: "0", count: 64)]
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .stale && error.field == "provenance.generator.Reference/generate.py")
        #expect(error.reason.hasPrefix("Reference/generate.py changed after these goldens were generated (sha256 000000000000… recorded"))
    }

    @Test func goldensOfTheCheckoutsOwnSourcesLoad() throws {
        let fixture = try Fixture()
        let real = try ReferenceFiles(packageRoot: PackageRoot.path).programFamily("ops").provenance
        fixture.provenance["generator"] = real.generator
        try fixture.write()
        #expect(fixture.loadingError() == nil)
    }

    @Test func everyBrokenCaseIsReported() throws {
        let fixture = try Fixture()
        fixture.editGolden("a", "values") { $0[0] = ["0x1.00p-1", "0.5"] }
        fixture.editGolden("b", "grads") { $0.removeLast() }
        fixture.goldens["orphan"] = fixture.goldens["a"]
        try fixture.write()
        let family = try fixture.files.programFamily("ops")
        #expect(family.cases.isEmpty)
        #expect(family.problems.map(\.caseName) == ["a", "b", "orphan"])
        #expect(family.problems.map(\.kind) == [.malformed, .malformed, .stale])
    }

    @Test func aBrokenFamilyDoesNotStopTheOthers() throws {
        let fixture = try Fixture()
        try fixture.write(family: "corpus")
        fixture.editGolden("b", "grads") { $0.removeLast() }
        try fixture.write(goldens: "{", family: "ops")
        let tally = OfflineSuite.comparePrograms(in: fixture.files)
        #expect(tally.families.map(\.name) == ["corpus"])
        #expect(tally.families.first?.cases == 2)
        #expect(tally.problems.map(\.file) == ["Reference/goldens/ops.json"])
        #expect(!tally.passed)
        #expect(ParityReport(tally: tally).summary.contains("1 reference file(s) or case(s) could not be compared"))
    }

    @Test func aWrongRootSaysSo() throws {
        let files = ReferenceFiles(packageRoot: "/nonexistent")
        #expect(throws: GoldenError.self) { try files.checkRoot() }
        do {
            _ = try files.programFamily("ops")
            Issue.record("loaded goldens from /nonexistent")
        } catch {
            #expect(error.file == "Reference/" && error.reason == "no Reference/ under /nonexistent")
            #expect(error.description.contains("--root DIR"))
            #expect(!error.description.contains("regen_reference"))
        }
    }
}
