import Foundation
import TestSupport
import Testing
@testable import Micrograd

/// Every correctly rounded function of `PortableMath` against the mpmath oracle
/// (`Reference/portable_math_oracle.py`: 320 bits, rounded once), at 0 ulp: the checked-in set
/// (specials, thresholds, hard-case families, 3,000 random inputs per function; sin and cos,
/// which the datasets use for |x| ≤ 2^20, only here) always, and the large set .ci/run writes
/// (10⁶ random inputs per function) when it is present, and the hard cases
/// (`Reference/portable_math_hard_cases.py`). Prints, per function: inputs checked,
/// mismatches, slow-path hits.
struct PortableMathOracleTests {
    struct Entry {
        let function: String
        let x: Double
        let y: Double?
        let expected: Double
        let line: Int
    }

    static let checkedIn = PackageRoot.file("Reference/portable_math/reference.txt")
    /// Inputs within 2^-50 ulp (log: 2^-26) of a rounding boundary and pow's exact midpoints,
    /// found by `Reference/portable_math_hard_cases.py` (its header says how and where).
    static let hardCases = PackageRoot.file("Reference/portable_math/hard_cases.txt")
    /// The large set's path, from `MICROGRAD_PORTABLE_MATH_LARGE` (.ci/run sets it for its main
    /// `swift test`, not for the sanitizer runs).
    static let large = ProcessInfo.processInfo.environment["MICROGRAD_PORTABLE_MATH_LARGE"]

    static func load(_ path: String) throws -> [Entry] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            func bits(_ field: Substring) throws -> Double {
                guard let pattern = UInt64(field, radix: 16), field.count == 16 else {
                    throw OracleFileError(
                        description:
                            "\(path):\(index + 1): field '\(field)' is not 16 hex digits (regenerate with the command in the file's header)"
                    )
                }
                return Double(bitPattern: pattern)
            }
            let isPow = fields.first == "pow"
            guard fields.count == (isPow ? 4 : 3) else {
                throw OracleFileError(description: "\(path):\(index + 1): expected 'function x\(isPow ? " y" : "") result', got '\(line)'")
            }
            entries.append(
                Entry(
                    function: String(fields[0]), x: try bits(fields[1]), y: isPow ? try bits(fields[2]) : nil,
                    expected: try bits(fields[fields.count - 1]), line: index + 1))
        }
        return entries
    }

    struct OracleFileError: Error, CustomStringConvertible { let description: String }

    /// (value, slow path taken) of the function under test.
    static func evaluate(_ entry: Entry) -> (Double, Bool)? {
        switch entry.function {
        case "exp": PortableMath.expEvaluated(entry.x)
        case "log": PortableMath.logEvaluated(entry.x)
        case "tanh": PortableMath.tanhEvaluated(entry.x)
        case "pow": PortableMath.powEvaluated(entry.x, entry.y!)
        case "sin": (PortableMath.sin(entry.x), true) // wide arithmetic only
        case "cos": (PortableMath.cos(entry.x), true)
        default: nil
        }
    }

    /// The slow path alone (it must decide every finite input it is given, not only the rare
    /// ones the fast path hands it).
    static func evaluateSlow(_ entry: Entry) -> Double? {
        switch entry.function {
        case "exp" where entry.x.isFinite && entry.x.magnitude < 745.2: PortableMath.expSlow(entry.x)
        case "log" where entry.x > 0 && entry.x.isFinite: PortableMath.logSlow(entry.x)
        case "tanh" where entry.x.magnitude > 0x1p-27 && entry.x.magnitude < 19.1: PortableMath.tanhSlow(entry.x)
        case "pow"
        where entry.x > 0 && entry.x.isFinite && entry.x != 1 && entry.y!.isFinite && entry.y! != 0
            && entry.expected != 0 && entry.expected.isFinite && PortableMath.powExact(entry.x, entry.y!) == nil:
            PortableMath.powSlow(entry.x, entry.y!)
        default: nil
        }
    }

    static func check(_ entries: [Entry], label: String, slowPathAlso: Bool) {
        var checked: [String: Int] = [:], mismatches: [String: Int] = [:], slow: [String: Int] = [:]
        var slowTiny: [String: Int] = [:] // results below 2^-1022, which always take the slow path
        var slowChecked = 0, slowMismatches = 0
        for entry in entries {
            guard let (value, tookSlow) = evaluate(entry) else {
                Issue.record("\(label) line \(entry.line): unknown function '\(entry.function)'")
                continue
            }
            checked[entry.function, default: 0] += 1
            if tookSlow { slow[entry.function, default: 0] += 1 }
            if tookSlow && entry.expected.magnitude < 0x1p-1022 { slowTiny[entry.function, default: 0] += 1 }
            if !identical(value, entry.expected) {
                mismatches[entry.function, default: 0] += 1
                Issue.record(
                    "\(label) line \(entry.line): \(entry.function)(\(entry.x.bitPattern.hex)) = \(value.bitPattern.hex), oracle \(entry.expected.bitPattern.hex)"
                )
            }
            if slowPathAlso, let slowValue = evaluateSlow(entry) {
                slowChecked += 1
                if !identical(slowValue, entry.expected) {
                    slowMismatches += 1
                    Issue.record(
                        "\(label) line \(entry.line): slow \(entry.function)(\(entry.x.bitPattern.hex)) = \(slowValue.bitPattern.hex), oracle \(entry.expected.bitPattern.hex)"
                    )
                }
            }
        }
        for function in checked.keys.sorted() {
            let n = checked[function]!, s = slow[function, default: 0]
            let tiny = slowTiny[function, default: 0]
            print(
                "PORTABLE-MATH \(label) \(function): \(n) inputs, \(mismatches[function, default: 0]) mismatches, \(s) slow-path hits (\(String(format: "%.4f", 100 * Double(s) / Double(n)))%; \(tiny) of them subnormal or zero results, which always take it)"
            )
        }
        if slowPathAlso { print("PORTABLE-MATH \(label) slow paths alone: \(slowChecked) inputs, \(slowMismatches) mismatches") }
    }

    @Test("checked-in oracle set at 0 ulp (fast and slow paths)")
    func checkedInSet() throws {
        let entries = try Self.load(Self.checkedIn)
        #expect(entries.count > 19000)
        Self.check(entries, label: "checked-in", slowPathAlso: true)
    }

    @Test("hard cases at 0 ulp (fast and slow paths): inputs nearest to a rounding boundary")
    func hardCaseSet() throws {
        let entries = try Self.load(Self.hardCases)
        for function in ["exp", "log", "tanh", "pow"] {
            #expect(entries.count(where: { $0.function == function }) >= 40, "\(Self.hardCases): fewer than 40 \(function) inputs")
        }
        Self.check(entries, label: "hard cases", slowPathAlso: true)
    }

    @Test("MathLibrary.portable: the engine's Value.exp/log/tanh computed with it give the oracle's values")
    func engineThroughPortableLibrary() throws {
        let entries = try Self.load(Self.checkedIn).filter { ["exp", "log", "tanh"].contains($0.function) && $0.x.isFinite }
        var checked = 0
        MathLibrary.using(.portable) {
            for entry in entries {
                let value = Value(entry.x)
                let result =
                    switch entry.function {
                    case "exp": value.exp().data
                    case "log": value.log().data
                    default: value.tanh().data
                    }
                checked += 1
                expectIdentical(result, entry.expected, "line \(entry.line): \(entry.function)(\(entry.x))")
            }
        }
        #expect(checked > 9000)
    }

    @Test(
        "large oracle set at 0 ulp",
        .enabled(
            if: large != nil,
            "no large set: set MICROGRAD_PORTABLE_MATH_LARGE to a file written by Reference/portable_math_oracle.py (.ci/run does)"))
    func largeSet() throws {
        let path = try #require(Self.large)
        Self.check(try Self.load(path), label: "large", slowPathAlso: false)
    }
}

extension UInt64 {
    fileprivate var hex: String { String(self, radix: 16) }
}
