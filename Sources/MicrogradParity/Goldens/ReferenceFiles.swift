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

    /// The bytes of the file at `path` (relative to the package root).
    func contents(_ path: String) throws(GoldenError) -> Data {
        guard let data = FileManager.default.contents(atPath: "\(packageRoot)/\(path)") else {
            try checkRoot()
            throw GoldenError(.missing, file: path, reason: "the file does not exist or cannot be read")
        }
        return data
    }

    /// Decodes the reference document `bytes` of `path` with Foundation's `JSONDecoder`; a
    /// document declaring another family than `family` (when given) is malformed.
    func decode<T: Decodable>(_ type: T.Type, from bytes: Data, path: String, family: String? = nil) throws(GoldenError) -> T {
        let decoder = JSONDecoder()
        if let family { decoder.userInfo[.expectedFamily] = family }
        do {
            return try decoder.decode(T.self, from: bytes)
        } catch let error as FieldError {
            throw GoldenError(.malformed, file: path, field: error.field, reason: error.reason)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw GoldenError(.malformed, file: path, reason: "not valid JSON: \(JSONLines.whereInvalid(bytes))")
        } catch let error as DecodingError {
            let field = FieldError(error)
            throw GoldenError(.malformed, file: path, field: field.field, reason: field.reason)
        } catch {
            throw GoldenError(.malformed, file: path, reason: "\(error)")
        }
    }

    /// Reads and decodes the reference document at `path`.
    func document<T: Decodable>(_ type: T.Type, at path: String, family: String? = nil) throws(GoldenError) -> T {
        try decode(T.self, from: try contents(path), path: path, family: family)
    }

    /// Fails unless `packageRoot` holds a `Reference/` folder: the usual cause of a missing
    /// file is a wrong root, not missing goldens.
    public func checkRoot() throws(GoldenError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "\(packageRoot)/Reference", isDirectory: &isFolder), isFolder.boolValue else {
            throw GoldenError(
                .missing, file: "Reference/", reason: "no Reference/ under \(packageRoot)",
                fix: "give the package root, the folder holding Package.swift and Reference/ (`--root DIR`, "
                    + "default: the current directory)")
        }
    }
}
