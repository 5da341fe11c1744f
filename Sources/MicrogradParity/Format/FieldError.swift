/// A field of a JSON document that does not hold what it should.
public struct FieldError: Error, Sendable, CustomStringConvertible {
    /// The path of the field, such as `steps[3].args` or `values[12]`.
    public let field: String
    /// What is wrong with it.
    public let reason: String

    /// A problem with `field`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// The same problem, with its field seen from an enclosing field.
    func inside(_ parent: String) -> FieldError {
        FieldError(field: field.isEmpty ? parent : field.hasPrefix("[") ? parent + field : "\(parent).\(field)", reason: reason)
    }

    public var description: String { "field \(field): \(reason)" }
}

/// Typed access to the members of a JSON object, throwing ``FieldError``s that name the field.
struct JSONFields {
    let members: [String: JSONValue]

    init(_ value: JSONValue, field: String = "") throws(FieldError) {
        guard let members = value.object else { throw FieldError(field: field, reason: "expected an object, found \(value.kindName)") }
        self.members = members
    }

    /// Fails unless the object's keys are exactly `keys`.
    func requireKeys(_ keys: Set<String>, in field: String = "") throws(FieldError) {
        let present = Set(members.keys)
        if let extra = present.subtracting(keys).sorted().first {
            throw FieldError(field: field.isEmpty ? extra : "\(field).\(extra)", reason: "unexpected key")
        }
        if let missing = keys.subtracting(present).sorted().first {
            throw FieldError(field: field.isEmpty ? missing : "\(field).\(missing)", reason: "missing")
        }
    }

    func value(_ key: String) throws(FieldError) -> JSONValue {
        guard let value = members[key] else { throw FieldError(field: key, reason: "missing") }
        return value
    }

    func string(_ key: String) throws(FieldError) -> String {
        let value = try value(key)
        guard let text = value.string else { throw FieldError(field: key, reason: "expected a string, found \(value.kindName)") }
        return text
    }

    func int(_ key: String) throws(FieldError) -> Int {
        let value = try value(key)
        guard let number = value.int else { throw FieldError(field: key, reason: "expected an integer, found \(value.kindName)") }
        return number
    }

    func bool(_ key: String) throws(FieldError) -> Bool {
        let value = try value(key)
        guard let flag = value.bool else { throw FieldError(field: key, reason: "expected true or false, found \(value.kindName)") }
        return flag
    }

    func array(_ key: String) throws(FieldError) -> [JSONValue] {
        let value = try value(key)
        guard let elements = value.array else { throw FieldError(field: key, reason: "expected an array, found \(value.kindName)") }
        return elements
    }

    func object(_ key: String) throws(FieldError) -> [String: JSONValue] {
        let value = try value(key)
        guard let members = value.object else { throw FieldError(field: key, reason: "expected an object, found \(value.kindName)") }
        return members
    }

    /// A float in ``HexFloat`` form.
    func hexFloat(_ key: String) throws(FieldError) -> Double {
        try HexFloat.decode(try value(key), field: key)
    }
}

extension HexFloat {
    /// The number a JSON string in canonical hex form holds.
    static func decode(_ value: JSONValue, field: String) throws(FieldError) -> Double {
        guard let text = value.string else {
            throw FieldError(field: field, reason: "expected a hex float string, found \(value.kindName)")
        }
        guard let number = parse(text) else {
            throw FieldError(field: field, reason: "\"\(text)\" is not a float in canonical hex form (like \"0x1.8p+1\", \"-0x0p+0\", \"inf\", \"nan\")")
        }
        return number
    }
}
