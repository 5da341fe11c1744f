import Foundation

/// Paths of this checkout, found from this file's own path.
enum PackageRoot {
    /// The folder holding `Package.swift`.
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Where failing cases are drawn as DOT files (never under `Reference/`).
    static let failureGraphs = "\(path)/.build/parity-failures"
}
