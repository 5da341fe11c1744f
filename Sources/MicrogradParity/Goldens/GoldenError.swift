/// A reference file (case definitions or goldens) that cannot be used: missing, malformed, or
/// stale (generated from case definitions that have changed since).
///
/// The description names the file, the case and the field, and the command that fixes it.
public struct GoldenError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the file.
    public enum Kind: String, Sendable {
        /// The file does not exist or cannot be read.
        case missing
        /// The file is not valid JSON, or a field does not hold what it should.
        case malformed
        /// The goldens were generated from different case definitions.
        case stale
    }

    /// The command that regenerates the case definitions and the goldens.
    public static let fixCommand = "bash Scripts/regen_reference.sh"

    /// What is wrong.
    public let kind: Kind
    /// The file, relative to the package root (such as `Reference/goldens/ops.json`).
    public let file: String
    /// The case concerned, if any.
    public let caseName: String?
    /// The field concerned, if any (such as `values[3]`).
    public let field: String?
    /// The details.
    public let reason: String
    /// What fixes it: by default, running ``fixCommand``.
    public let fix: String

    /// An error about `file` (and `caseName`, `field` when one is concerned).
    public init(
        _ kind: Kind, file: String, caseName: String? = nil, field: String? = nil, reason: String,
        fix: String = "run `\(GoldenError.fixCommand)`"
    ) {
        self.kind = kind
        self.file = file
        self.caseName = caseName
        self.field = field
        self.reason = reason
        self.fix = fix
    }

    /// Every error of `errors`, one after another.
    public static func report(_ errors: [GoldenError]) -> String {
        errors.map(\.description).joined(separator: "\n")
    }

    public var description: String {
        var place = file
        if let caseName { place += ", case \"\(caseName)\"" }
        if let field, !field.isEmpty { place += ", field \(field)" }
        return "\(kind.rawValue) reference file: \(place): \(reason)\n  fix: \(fix)"
    }
}
