import Foundation
import TestSupport
import Testing

/// No source file of the `Micrograd` library may compute with the platform's math library
/// (`Glibc.`/`Darwin.`/`Foundation.` names, or a bare call of a C math function in a file that
/// imports one of them): those differ between platforms in their last bits, so results would
/// too. `PortableMath` is the replacement. (The bridge's `CLibraryMath`, in `MicrogradTorch`,
/// is the one place that calls the C library: libtorch does for `pow` and `sigmoid`.)
struct PortabilityGuardTests {
    static let sources = PackageRoot.file("Sources/Micrograd")

    static let mathFunctions = [
        "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "pow", "tanh", "sinh",
        "cosh", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sqrt", "cbrt",
        "hypot", "fma", "erf", "lgamma", "tgamma", "sigmoid",
    ]

    /// The offending lines of one file's text: `Glibc.`, `Darwin.` or `Foundation.` anywhere
    /// outside comments, and, in a file importing one of them, a bare call `name(` of a C math
    /// function (not `.name(`, not a declaration `func name(`).
    static func offences(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let comment = line.range(of: "//") else { return String(line) }
            return String(line[..<comment.lowerBound])
        }
        let importsPlatform = lines.contains {
            $0.range(of: #"^\s*import\s+(Glibc|Darwin|Foundation)\b"#, options: .regularExpression) != nil
        }
        let names = mathFunctions.joined(separator: "|")
        let qualified = #"\b(Glibc|Darwin|Foundation)\."#
        let bare = #"(^|[^.\w])(\#(names))\s*\("#
        var found: [String] = []
        for (number, line) in lines.enumerated() {
            if line.range(of: qualified, options: .regularExpression) != nil
                || (importsPlatform && line.range(of: bare, options: .regularExpression) != nil
                    && line.range(of: #"\bfunc\s+(\#(names))\s*\("#, options: .regularExpression) == nil)
            {
                found.append("\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test("the scanner finds each kind of offence and ignores comments, members and declarations")
    func scannerCanFail() {
        #expect(Self.offences(in: "let y = Glibc.exp(x)").count == 1)
        #expect(Self.offences(in: "let y = Darwin.tanh(x)").count == 1)
        #expect(Self.offences(in: "import Foundation\nlet y = pow(x, 2)").count == 1)
        #expect(Self.offences(in: "import Foundation\nlet y = PortableMath.pow(x, 2) // Glibc.pow").isEmpty)
        #expect(Self.offences(in: "let y = pow(x, 2)").isEmpty) // no platform import: a local pow
        #expect(Self.offences(in: "import Darwin\nstatic func log(_ x: Double) -> Double { x }").isEmpty)
    }

    @Test("no Micrograd source names a platform math function")
    func noPlatformMath() throws {
        let files = try #require(FileManager.default.subpaths(atPath: Self.sources)).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 20, "found only \(files.count) sources under \(Self.sources)")
        for file in files {
            let text = try String(contentsOfFile: "\(Self.sources)/\(file)", encoding: .utf8)
            let found = Self.offences(in: text)
            #expect(found.isEmpty, "Sources/Micrograd/\(file) names platform math; use PortableMath:\n\(found.joined(separator: "\n"))")
        }
    }
}
