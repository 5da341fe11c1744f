import Foundation

/// Paths of this checkout, found from this file's own path (`Tests/TestSupport/` under the
/// package root).
public enum PackageRoot {
    /// The folder holding `Package.swift`.
    public static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The absolute path of `relative`, a path inside the checkout (such as `README.md`).
    public static func file(_ relative: String) -> String { "\(path)/\(relative)" }
}
