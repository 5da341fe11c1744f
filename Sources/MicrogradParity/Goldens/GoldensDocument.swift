/// One golden of a golden file: what torch computed for a case or a training run.
protocol GoldenEntry: Decodable {
    /// The key of the document's object of entries, by name (`cases`, `models`).
    static var entriesKey: String { get }
}

/// A golden file: `{<entriesKey>: {name: golden, …}, "family": F, "format": 1,
/// "provenance": {…}}`, each golden decoded on its own (a broken one is reported by name).
struct GoldensDocument<Entry: GoldenEntry>: Decodable {
    /// The goldens, by case or run name.
    let entries: [String: Lenient<Entry>]
    /// Where they came from.
    let provenance: Provenance

    init(from decoder: any Decoder) throws {
        let members = try decoder.document(["family", "format", Entry.entriesKey, "provenance"])
        provenance = try members.value("provenance")
        entries = Dictionary(uniqueKeysWithValues: try members.dictionary(Entry.entriesKey, of: Lenient<Entry>.self))
    }
}
