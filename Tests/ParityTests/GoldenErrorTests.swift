import Foundation
import Micrograd
import MicrogradParity
import TestSupport
import Testing

/// Missing, malformed and stale reference files fail with the file, the case, the field, and
/// the command that fixes them. Each test writes a small `ops` family into a temporary folder.
struct GoldenErrorTests {
    /// A temporary package root holding `Reference/cases/ops.json` and `Reference/goldens/ops.json`.
    final class Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parity-goldens-\(UUID())").path
        var cases: [JSONValue]
        var goldens: [String: JSONValue]

        /// Two programs, with the engine's own results standing in for torch's.
        init() throws {
            let programs = [
                try CaseProgram(name: "a", steps: [.leaf(0.5), .unary(.exp, 0), .constantLeft(.rdiv, 2, 1)]),
                try CaseProgram(name: "b", steps: [.leaf(-0.0), .leaf(3), .binary(.mul, 0, 1), .unary(.relu, 0)]),
            ]
            cases = programs.map(\.json)
            goldens = [:]
            for program in programs {
                let run = ProgramRun(program)
                let steps = program.steps.indices
                // Node 2 of "b" is never reached from the root (node 3): torch's grad is None.
                let grads: [JSONValue] = steps.map { i in program.name == "b" && i == 2 ? .null : Fixture.pair(run.grads[i]) }
                goldens[program.name] = .object(["grads": .array(grads), "powFactors": .object([:]),
                                                 "sha256": .string(program.sha256),
                                                 "values": .array(run.values.map(Fixture.pair))])
            }
        }

        static func pair(_ x: Double) -> JSONValue { .array([.string(HexFloat.format(x)), .string("\(x)")]) }

        /// A provenance header that passes the checks: the pinned torch, with a build tag.
        var provenance: [String: JSONValue] = [
            "cpuCapability": .string("AVX2"), "generator": .object([:]), "inputs": .object([:]), "libc": .string("glibc 2.36"),
            "machine": .string("x86_64"), "python": .string("3.11"), "system": .string("Linux"),
            "torch": .string((try? ReferenceFiles.pinnedTorch(in: PackageRoot.path)).map { $0 + "+cpu" } ?? "unpinned"),
        ]

        /// The reference files, their provenance checked against this checkout's pin and sources.
        var files: ReferenceFiles { ReferenceFiles(packageRoot: root, provenanceCheck: .checkout(PackageRoot.path)) }

        func write(cases casesText: String? = nil, goldens goldensText: String? = nil, family name: String = "ops") throws {
            let family: [String: JSONValue] = ["family": .string(name), "format": .number("1")]
            var casesDocument = family, goldensDocument = family
            casesDocument["cases"] = .array(cases)
            goldensDocument["cases"] = .object(goldens)
            goldensDocument["provenance"] = .object(provenance)
            for (folder, text) in [("cases", casesText ?? CanonicalJSON.text(of: .object(casesDocument))),
                                   ("goldens", goldensText ?? CanonicalJSON.text(of: .object(goldensDocument)))] {
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

        func editGolden(_ name: String, _ key: String, _ edit: (inout [JSONValue]) -> Void) {
            var entry = goldens[name]!.object!
            var list = entry[key]!.array!
            edit(&list)
            entry[key] = .array(list)
            goldens[name] = .object(entry)
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
        try fixture.write(goldens: "{\n\"cases\": {\n\"a\": [1, 2,\n")
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.file == "Reference/goldens/ops.json")
        #expect(error.reason.contains("line 4"))
    }

    @Test func changedCaseIsStale() throws {
        let fixture = try Fixture()
        var edited = fixture.cases[1].object!
        var steps = edited["steps"]!.array!
        steps[1] = .object(["op": .string("leaf"), "value": .string("0x1p+2")])
        edited["steps"] = .array(steps)
        fixture.cases[1] = .object(edited)
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
        fixture.editGolden("a", "values") { $0[0] = .array([.string("0x1.00p-1"), .string("0.5")]) }
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "a" && error.field == "values[0][0]")
    }

    @Test func decimalThatDisagreesIsMalformed() throws {
        let fixture = try Fixture()
        fixture.editGolden("b", "grads") { $0[1] = .array([.string("-0x0p+0"), .string("0.0")]) }
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
        var golden = fixture.goldens["a"]!.object!
        golden["powFactors"] = .object(["1": Fixture.pair(1.5)])
        fixture.goldens["a"] = .object(golden)
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "a" && error.field == "powFactors.1"
                && error.reason == "not the index of a pow step")
    }

    @Test func missingPowFactorsIsMalformed() throws {
        let fixture = try Fixture()
        var golden = fixture.goldens["b"]!.object!
        golden["powFactors"] = nil
        fixture.goldens["b"] = .object(golden)
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .malformed && error.caseName == "b" && error.field == "powFactors" && error.reason == "missing")
    }

    @Test func malformedCaseFileNamesTheStep() throws {
        let fixture = try Fixture()
        var edited = fixture.cases[0].object!
        var steps = edited["steps"]!.array!
        steps[2] = .object(["op": .string("rdiv"), "args": .array([.number("7")]), "const": .string("0x1p+1"), "constFirst": .bool(true)])
        edited["steps"] = .array(steps)
        fixture.cases[0] = .object(edited)
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
        fixture.provenance["torch"] = .string("2.14.0+cpu")
        try fixture.write()
        let error = try #require(fixture.loadingError())
        let pinned = try ReferenceFiles.pinnedTorch(in: PackageRoot.path)
        #expect(error.kind == .stale && error.file == "Reference/goldens/ops.json" && error.field == "provenance.torch")
        #expect(error.reason == "generated by torch 2.14.0+cpu, but Reference/requirements.txt pins torch==\(pinned)")
        #expect(error.description.contains("fix: run `bash Scripts/regen_reference.sh`"))
    }

    @Test func goldensOfOtherGeneratorSourcesFail() throws {
        let fixture = try Fixture()
        fixture.provenance["generator"] = .object(["Reference/generate.py": .string(String(repeating: "0", count: 64))])
        try fixture.write()
        let error = try #require(fixture.loadingError())
        #expect(error.kind == .stale && error.field == "provenance.generator.Reference/generate.py")
        #expect(error.reason.hasPrefix("Reference/generate.py changed after these goldens were generated (sha256 000000000000… recorded"))
    }

    @Test func goldensOfTheCheckoutsOwnSourcesLoad() throws {
        let fixture = try Fixture()
        let real = try ReferenceFiles(packageRoot: PackageRoot.path).programFamily("ops").provenance
        fixture.provenance["generator"] = .object(real.generator.mapValues { .string($0) })
        try fixture.write()
        #expect(fixture.loadingError() == nil)
    }

    @Test func everyBrokenCaseIsReported() throws {
        let fixture = try Fixture()
        fixture.editGolden("a", "values") { $0[0] = .array([.string("0x1.00p-1"), .string("0.5")]) }
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
