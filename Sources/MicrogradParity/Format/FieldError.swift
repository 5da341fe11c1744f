/// A field of a JSON document that does not hold what it should.
public struct FieldError: Error, Sendable, CustomStringConvertible {
    /// One step of a field's path: an object's key or an array's index.
    public enum Component: Sendable, Equatable {
        /// A member of an object.
        case key(String)
        /// An element of an array.
        case index(Int)
    }

    /// The path of the field, from the object it was found in (a case, a golden entry, or
    /// the whole document).
    public let components: [Component]
    /// What is wrong with it.
    public let reason: String

    /// A problem at `components`.
    public init(_ components: [Component], reason: String) {
        self.components = components
        self.reason = reason
    }

    /// A problem with `field`, a path already written out (such as `steps[3].args`).
    public init(field: String, reason: String) {
        self.init(field.isEmpty ? [] : [.key(field)], reason: reason)
    }

    /// A problem at `codingPath`, the path of a `Decoder` or of a container.
    init(at codingPath: [any CodingKey], reason: String) {
        self.init(codingPath.map(Component.init), reason: reason)
    }

    /// What a `DecodingError` of JSONDecoder says, at its path.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(at: context.codingPath + [key], reason: "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self.init(at: context.codingPath, reason: context.debugDescription)
        @unknown default:
            self.init([], reason: "\(error)")
        }
    }

    /// The path as text: `steps[3].args`, `values[12][0]`, `provenance.torch`.
    public var field: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The same problem with its path seen from inside the first `count` components (the path
    /// of the entry it belongs to).
    func dropping(_ count: Int) -> FieldError { FieldError(Array(components.dropFirst(count)), reason: reason) }

    /// The same problem with its path seen from `codingPath`'s parent.
    func inside(_ codingPath: [any CodingKey]) -> FieldError {
        FieldError(codingPath.map(Component.init) + components, reason: reason)
    }

    public var description: String { "field \(field): \(reason)" }
}

extension FieldError.Component {
    /// The step a coding key stands for: JSONDecoder names array elements by index.
    init(_ key: any CodingKey) {
        if let index = key.intValue, key.stringValue == "Index \(index)" || key is IndexKey {
            self = .index(index)
        } else {
            self = .key(key.stringValue)
        }
    }
}
