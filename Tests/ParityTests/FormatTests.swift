import Foundation
@testable import MicrogradParity
import Testing

/// The file format pieces that must agree byte for byte with the Python side.
struct FormatTests {
    /// Pairs printed by `Reference/parity_format.py`'s `hex_of`.
    static let hexSpellings: [(Double, String)] = [
        (3.0, "0x1.8p+1"), (1.0, "0x1p+0"), (-0.0, "-0x0p+0"), (0.0, "0x0p+0"),
        (.leastNonzeroMagnitude, "0x0.0000000000001p-1022"), (2.2250738585072014e-308, "0x1p-1022"),
        (1.7976931348623157e308, "0x1.fffffffffffffp+1023"), (0.1, "0x1.999999999999ap-4"),
        (-1e300, "-0x1.7e43c8800759cp+996"), (.infinity, "inf"), (-.infinity, "-inf"),
    ]

    @Test func hexFloatsMatchPython() {
        for (value, text) in FormatTests.hexSpellings {
            #expect(HexFloat.format(value) == text)
            #expect(HexFloat.parse(text)?.bitPattern == value.bitPattern)
        }
        #expect(HexFloat.format(-.nan) == "nan")
        #expect(HexFloat.parse("nan")?.isNaN == true)
    }

    @Test(arguments: ["0x1.80p+1", "0X1p+0", "1.5", "0x1p0", "0x1.8p+01", "+0x1p+0", "-nan", "NaN", "0x2p+0", "", "0x1.g p+0"])
    func nonCanonicalHexIsRejected(text: String) {
        #expect(HexFloat.parse(text) == nil)
    }

    @Test func hexFloatsRoundTrip() {
        var x = Double.leastNormalMagnitude / 3
        for _ in 0..<2_000 {
            #expect(HexFloat.parse(HexFloat.format(x))?.bitPattern == x.bitPattern)
            #expect(HexFloat.parse(HexFloat.format(-x))?.bitPattern == (-x).bitPattern)
            x = x * 1.7 + 0.3
        }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(CaseLines.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(CaseLines.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            CaseLines.sha256(Data(repeating: UInt8(ascii: "a"), count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// A case's fingerprint is the SHA-256 of its line as written, without the separating comma,
    /// whatever the rest of the document's layout (the digests are `hashlib.sha256(line)`'s).
    @Test func fingerprintsAreTheLinesAsWritten() {
        let file = Data(
            """
            {
            "cases":[
            {"name":"a","steps":[{"op":"leaf","value":"0x1p+0"}]},
            {"name":"b", "steps": [{"op": "leaf", "value": "0x1p+0"}]}
            ],
            "family":"ops",
            "format":1
            }

            """.utf8)
        let lines = CaseLines.lines(of: file)
        #expect(
            lines.map { String(decoding: $0, as: UTF8.self) } == [
                #"{"name":"a","steps":[{"op":"leaf","value":"0x1p+0"}]}"#, #"{"name":"b", "steps": [{"op": "leaf", "value": "0x1p+0"}]}"#,
            ])
        #expect(
            lines.map(CaseLines.fingerprint) == [
                "6aaa02d0201ddf71e0315018cb0ac8a333159977c090126ee429587be6fe06c5",
                "bc7095bc476a8eb0155f023c2d2dda4d78d8f685bae87c36991a09b2ba6a7243",
            ])
    }

    @Test func syntaxErrorsSayWhichLine() {
        let text = "{\n\"cases\":[\n{\"name\":\"a\",\"steps\":[]},\n{\"name\":\"b\",\"steps\":[}\n],\n\"format\":1\n}\n"
        #expect(JSONLines.whereInvalid(Data(text.utf8)).hasPrefix("line 4: "))
        #expect(JSONLines.whereInvalid(Data("{\n\"a\":1,\n".utf8)).contains("brackets do not match"))
    }

    @Test func programsRoundTripThroughJSON() throws {
        let text = #"""
            {"name": "t", "steps": [{"op": "leaf", "value": "0x1.8p+1"}, {"op": "mul", "args": [0, 0]},
             {"op": "sub", "args": [1], "const": "0x1p+0", "constFirst": true},
             {"op": "rdiv", "args": [2], "const": "-0x1p-1", "constFirst": true},
             {"op": "div", "args": [3], "const": "inf", "constFirst": false},
             {"op": "pow", "args": [4], "exponent": "-0x1p-1"}, {"op": "sigmoid", "args": [5]}]}
            """#
        let program = try JSONDecoder().decode(CaseProgram.self, from: Data(text.utf8))
        #expect(program.steps.map(\.op) == [.leaf, .mul, .sub, .rdiv, .div, .pow, .sigmoid])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let again = try JSONDecoder().decode(CaseProgram.self, from: try encoder.encode(program))
        #expect(again.name == program.name && again.steps.map(\.expression) == program.steps.map(\.expression))
    }

    @Test(arguments: [
        (#"{"op": "div", "args": [0], "const": "0x1p+0", "constFirst": true}"#, "steps[1].op"),
        (#"{"op": "rdiv", "args": [0], "const": "0x1p+0", "constFirst": false}"#, "steps[1].op"),
        (#"{"op": "add", "args": [1, 0]}"#, "steps[1].args"),
        (#"{"op": "exp", "args": [0, 0]}"#, "steps[1].args"),
        (#"{"op": "tanh", "args": [0], "extra": 1}"#, "steps[1].extra"),
        (#"{"op": "pow", "args": [0], "exponent": "2.0"}"#, "steps[1].exponent"),
        (#"{"op": "cosh", "args": [0]}"#, "steps[1].op"),
    ])
    func malformedStepsNameTheirField(step: String, field: String) throws {
        let json = Data(#"{"name": "t", "steps": [{"op": "leaf", "value": "0x1p+0"}, \#(step)]}"#.utf8)
        let error = #expect(throws: FieldError.self) { try JSONDecoder().decode(CaseProgram.self, from: json) }
        #expect(error?.field == field)
    }
}
