import Foundation

/// Foundation's `JSONDecoder` made as strict as the reference files need: objects with exactly
/// the keys expected, errors that name the field (``FieldError``), and a document's format and
/// family checked before anything else.

/// The key of any object member.
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The index of an array element, for paths.
struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

extension CodingUserInfoKey {
    /// The family a reference document must declare (a `String`).
    static let expectedFamily = CodingUserInfoKey(rawValue: "micrograd.expectedFamily")!
}

extension Decoder {
    /// The members of the object being decoded, after checking that its keys are `required`,
    /// plus any of `optional`: the first unexpected key, else the first missing one, is thrown.
    func members(_ required: Set<String>, optional: Set<String> = []) throws -> KeyedDecodingContainer<MemberKey> {
        let container = try container(keyedBy: MemberKey.self)
        let present = Set(container.allKeys.map(\.stringValue))
        if let extra = present.subtracting(required.union(optional)).sorted().first {
            throw FieldError(at: codingPath + [MemberKey(extra)], reason: "unexpected key")
        }
        if let missing = required.subtracting(present).sorted().first {
            throw FieldError(at: codingPath + [MemberKey(missing)], reason: "missing")
        }
        return container
    }

    /// The members of a reference document (`keys` include `family` and `format`), after
    /// checking its format version and that its family is the one expected.
    func document(_ keys: Set<String>) throws -> KeyedDecodingContainer<MemberKey> {
        let members = try members(keys)
        let format = try members.decode(Int.self, forKey: MemberKey("format"))
        guard format == ReferenceFiles.formatVersion else {
            throw FieldError(
                ["format"].map(FieldError.Component.key),
                reason: "format \(format), but this harness reads format \(ReferenceFiles.formatVersion)")
        }
        let family = try members.decode(String.self, forKey: MemberKey("family"))
        if let expected = userInfo[.expectedFamily] as? String, family != expected {
            throw FieldError([.key("family")], reason: "\"\(family)\", expected \"\(expected)\"")
        }
        return members
    }

    /// A problem with the value being decoded.
    func problem(_ reason: String) -> FieldError { FieldError(at: codingPath, reason: reason) }
}

extension KeyedDecodingContainer where Key == MemberKey {
    /// The member `name`.
    func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forKey: MemberKey(name))
    }

    /// The member `name`, a float in ``HexFloat`` form.
    func hexFloat(_ name: String) throws -> Double {
        let text = try value(name, as: String.self)
        guard let number = HexFloat.parse(text) else {
            throw FieldError(at: codingPath + [MemberKey(name)], reason: HexFloat.notCanonical(text))
        }
        return number
    }

    /// The members of the object `name`, each decoded as `T`, by key.
    func dictionary<T: Decodable>(_ name: String, of type: T.Type = T.self) throws -> [(key: String, value: T)] {
        let object = try nestedContainer(keyedBy: MemberKey.self, forKey: MemberKey(name))
        return try object.allKeys.map { key in (key.stringValue, try object.decode(T.self, forKey: key)) }
    }
}

/// A member of a list or an object of a reference file decoded on its own: one that does not
/// decode is kept with its error instead of failing the document, so every broken case is
/// reported and the others still load.
public struct Lenient<T: Decodable>: Decodable {
    /// The value, or what is wrong with it (the field relative to the member).
    public let result: Result<T, FieldError>
    /// The member's `name`, when it has one that is a string: names a malformed case.
    public let name: String?

    /// Decodes the member, keeping what is wrong with it instead of throwing.
    public init(from decoder: any Decoder) {
        let depth = decoder.codingPath.count
        do {
            result = .success(try T(from: decoder))
        } catch let error as FieldError {
            result = .failure(error.dropping(depth))
        } catch let error as DecodingError {
            result = .failure(FieldError(error).dropping(depth))
        } catch {
            result = .failure(FieldError([], reason: "\(error)"))
        }
        name = try? decoder.container(keyedBy: MemberKey.self).decode(String.self, forKey: MemberKey("name"))
    }
}
