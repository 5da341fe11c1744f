import Foundation

/// The layout of case files, and the fingerprints goldens record.
///
/// A case file (`Reference/cases/<family>.json`, `Reference/cases/models.json`) is a JSON
/// document with **one case per line**: every line that starts with `{"` is one case (with the
/// comma that separates it from the next, if any), and every other line is the document's
/// frame (`{`, `"cases":[`, `],`, `"family":"ops",` …). A case's fingerprint is the SHA-256 of
/// its line's bytes as written, without that comma: `Reference/parity_format.py` computes it
/// the same way when it writes a golden, so neither side re-serialises anything to compare.
public enum CaseLines {
    /// The cases' lines of the case file `bytes`, in order, without their separating commas.
    public static func lines(of bytes: Data) -> [Data.SubSequence] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).compactMap { line in
            guard line.starts(with: Array(#"{""#.utf8)) else { return nil }
            return line.last == UInt8(ascii: ",") ? line.dropLast() : line
        }
    }

    /// The fingerprint of a case line: its SHA-256 as 64 lowercase hexadecimal digits.
    public static func fingerprint(_ line: some DataProtocol) -> String { sha256(line) }

    /// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits (as `hashlib` and `sha256sum`
    /// print it; see ``SHA256``).
    public static func sha256(_ bytes: some DataProtocol) -> String { SHA256.hexDigest(Array(bytes)) }
}
