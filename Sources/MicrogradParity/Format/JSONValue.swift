/// A parsed JSON document, kept close to its text so its canonical form can be recomputed
/// byte for byte as Python's `json.dumps` writes it.
///
/// Numbers keep their text (`"12"`, `"1e-05"`): the case and golden files hold integers and
/// text-encoded floats only, and a number read back is never reformatted.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The members of an object, or nil.
    public var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or nil.
    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, or nil.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a boolean, or nil.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value of an integer written without fraction or exponent, or nil.
    public var int: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// A one-word name of this value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
