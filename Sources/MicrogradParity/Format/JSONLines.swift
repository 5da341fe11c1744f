import Foundation

/// Where a reference file stops being JSON. Foundation's decoders say only that a document is
/// not valid JSON; reference files hold one entry or one member per line, so the first line
/// that is not valid JSON on its own (Foundation's `JSONSerialization` decides) is where it
/// breaks. Lines that open or close the document's frame (`{`, `"cases":[`, `],`) are skipped.
enum JSONLines {
    /// `line N: …` for the first line that does not parse, or what else is wrong.
    static func whereInvalid(_ bytes: Data) -> String {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, line) in zip(1..., lines) {
            var text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.hasSuffix(",") { text.removeLast() }
            if text.isEmpty || ["{", "}", "[", "]"].contains(text) || text.hasSuffix(":{") || text.hasSuffix(":[")
                || text.hasSuffix(": {") || text.hasSuffix(": [")
            {
                continue
            }
            let value = text.hasPrefix("\"") ? "{\(text)}" : text
            if (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed])) == nil {
                return "line \(number): \(text.prefix(80))\(text.count > 80 ? "…" : "") is not valid JSON"
            }
        }
        return "every line is valid on its own, so the document's brackets do not match (\(lines.count) lines; cut short?)"
    }
}
