import MicrogradParity
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
        #expect(SHA256.hexDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// The canonical text and digest Python's `canonical_json` gives for the same document.
    @Test func canonicalJSONMatchesPython() throws {
        let document = try JSONParser.parse(#"""
            {"b": [1, 2.5, 1e-8, "x\"\n\u00e9\u007f\ud83d\ude00\/"], "a": true, "c": null,
             "B": {"z": -0, "y": 1E5, "x": 12345678901234567890, "w": 1e16, "v": 0.0001, "u": 123456789012345678.0}}
            """#)
        let expected = #"{"B":{"u":1.2345678901234568e+17,"v":0.0001,"w":1e+16,"x":12345678901234567890,"y":100000.0,"z":0},"#
            + #""a":true,"b":[1,2.5,1e-08,"x\"\n\u00e9\u007f\ud83d\ude00/"],"c":null}"#
        #expect(CanonicalJSON.text(of: document) == expected)
        #expect(SHA256.hexDigest(CanonicalJSON.bytes(of: document)) == "93d7649f4d83b9274e6a9c4d7104efde0dfd166948936b439f811de5c0f6010e")
    }

    @Test(arguments: ["{", "[1,]", "{\"a\":1,\"a\":2}", "01", "[NaN]", "\"\u{01}\"", "[1] x", "{\"a\" 1}", "\"\\ud800\""])
    func invalidJSONIsRejected(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func syntaxErrorsSayWhere() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("{\n  \"a\": [1,\n  2,]\n}") }
        do {
            _ = try JSONParser.parse("{\n  \"a\": [1,\n  2,]\n}")
        } catch {
            #expect(error.line == 3 && error.column == 5)
        }
    }

    @Test func programsRoundTripThroughJSON() throws {
        let text = #"""
            {"name": "t", "steps": [{"op": "leaf", "value": "0x1.8p+1"}, {"op": "mul", "args": [0, 0]},
             {"op": "sub", "args": [1], "const": "0x1p+0", "constFirst": true},
             {"op": "rdiv", "args": [2], "const": "-0x1p-1", "constFirst": true},
             {"op": "div", "args": [3], "const": "inf", "constFirst": false},
             {"op": "pow", "args": [4], "exponent": "-0x1p-1"}, {"op": "sigmoid", "args": [5]}]}
            """#
        let json = try JSONParser.parse(text)
        let program = try CaseProgram(json: json)
        #expect(program.steps.map(\.op) == [.leaf, .mul, .sub, .rdiv, .div, .pow, .sigmoid])
        #expect(program.json == json)
        #expect(program.sha256 == SHA256.hexDigest(CanonicalJSON.bytes(of: json)))
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
        let json = try JSONParser.parse(#"{"name": "t", "steps": [{"op": "leaf", "value": "0x1p+0"}, \#(step)]}"#)
        #expect(throws: FieldError.self) { try CaseProgram(json: json) }
        do {
            _ = try CaseProgram(json: json)
        } catch {
            #expect(error.field == field)
        }
    }
}
