import Foundation
import Micrograd
import MicrogradParity
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

        static let provenance: JSONValue = .object([
            "cpuCapability": .string("AVX2"), "generator": .object([:]), "inputs": .object([:]), "libc": .string("glibc 2.36"),
            "machine": .string("x86_64"), "python": .string("3.11"), "system": .string("Linux"), "torch": .string("test"),
        ])

        func write(cases casesText: String? = nil, goldens goldensText: String? = nil) throws {
            let family: [String: JSONValue] = ["family": .string("ops"), "format": .number("1")]
            var casesDocument = family, goldensDocument = family
            casesDocument["cases"] = .array(cases)
            goldensDocument["cases"] = .object(goldens)
            goldensDocument["provenance"] = Fixture.provenance
            for (folder, text) in [("cases", casesText ?? CanonicalJSON.text(of: .object(casesDocument))),
                                   ("goldens", goldensText ?? CanonicalJSON.text(of: .object(goldensDocument)))] {
                try FileManager.default.createDirectory(atPath: "\(root)/Reference/\(folder)", withIntermediateDirectories: true)
                try text.write(toFile: "\(root)/Reference/\(folder)/ops.json", atomically: true, encoding: .utf8)
            }
        }

        /// The error loading the family raises (nil if it loads).
        func loadingError() -> GoldenError? {
            do {
                _ = try ReferenceFiles(packageRoot: root).programFamily("ops")
                return nil
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
        let family = try ReferenceFiles(packageRoot: fixture.root).programFamily("ops")
        #expect(family.cases.map(\.program.name) == ["a", "b"])
        #expect(family.cases[1].expected.grads[2] == nil)
        #expect(family.provenance.torch == "test")
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
