import Foundation

/// The reference files of a checkout: case definitions in `Reference/cases/`, goldens (what
/// PyTorch computed for them, written only by `Reference/generate.py`) in `Reference/goldens/`.
public struct ReferenceFiles: Sendable {
    /// The package root (the folder holding `Package.swift`).
    public let packageRoot: String
    /// What the goldens' provenance is checked against.
    public let provenanceCheck: ProvenanceCheck

    /// The reference files under `packageRoot`, their provenance checked against the checkout
    /// at `packageRoot` itself unless `provenanceCheck` says otherwise.
    public init(packageRoot: String, provenanceCheck: ProvenanceCheck? = nil) {
        self.packageRoot = packageRoot
        self.provenanceCheck = provenanceCheck ?? .checkout(packageRoot)
    }

    /// The path of a case file, relative to the package root.
    public static func casesPath(_ family: String) -> String { "Reference/cases/\(family).json" }

    /// The path of a golden file, relative to the package root.
    public static func goldensPath(_ family: String) -> String { "Reference/goldens/\(family).json" }

    /// The version of the file format this harness reads.
    public static let formatVersion = 1

    /// Reads and parses the JSON file at `path` (relative to the package root).
    public func document(_ path: String) throws(GoldenError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: "\(packageRoot)/\(path)") else {
            try checkRoot()
            throw GoldenError(.missing, file: path, reason: "the file does not exist or cannot be read")
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw GoldenError(.malformed, file: path, reason: "not valid JSON: \(error)")
        }
    }

    /// The golden file of `family`: its provenance and its entries, the object under
    /// `entriesKey` (one golden per case or model), after checking its format and family.
    func goldens(_ family: String, entriesKey: String) throws(GoldenError) -> (provenance: Provenance, entries: [String: JSONValue]) {
        let path = ReferenceFiles.goldensPath(family)
        let fields = try header(try document(path), path: path, family: family,
                                keys: ["family", "format", entriesKey, "provenance"])
        let provenance: Provenance, entries: [String: JSONValue]
        do throws(FieldError) {
            (provenance, entries) = (try Provenance(json: try fields.value("provenance")), try fields.object(entriesKey))
        } catch {
            throw GoldenError(.malformed, file: path, field: error.field, reason: error.reason)
        }
        try check(provenance, of: path)
        return (provenance, entries)
    }

    /// Fails unless `packageRoot` holds a `Reference/` folder: the usual cause of a missing
    /// file is a wrong root, not missing goldens.
    public func checkRoot() throws(GoldenError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "\(packageRoot)/Reference", isDirectory: &isFolder), isFolder.boolValue else {
            throw GoldenError(.missing, file: "Reference/", reason: "no Reference/ under \(packageRoot)",
                              fix: "give the package root, the folder holding Package.swift and Reference/ (`--root DIR`, "
                                  + "default: the current directory)")
        }
    }

    /// The top-level fields of a reference document, after checking its format and family.
    func header(_ document: JSONValue, path: String, family: String, keys: Set<String>) throws(GoldenError) -> JSONFields {
        do throws(FieldError) {
            let fields = try JSONFields(document)
            try fields.requireKeys(keys)
            let format = try fields.int("format")
            guard format == ReferenceFiles.formatVersion else {
                throw FieldError(field: "format", reason: "format \(format), but this harness reads format \(ReferenceFiles.formatVersion)")
            }
            let name = try fields.string("family")
            guard name == family else { throw FieldError(field: "family", reason: "\"\(name)\", expected \"\(family)\"") }
            return fields
        } catch {
            throw GoldenError(.malformed, file: path, field: error.field, reason: error.reason)
        }
    }
}
