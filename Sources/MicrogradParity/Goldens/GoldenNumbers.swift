/// The numbers of golden files: `[hex, decimal]` pairs (see ``HexFloat``), the decimal being
/// Python's `repr()` of the same number, for people reading the file.
enum GoldenNumbers {
    /// The number a pair holds; fails unless the hex is canonical and the decimal spells the
    /// same number (both NaN, or bit for bit).
    static func pair(_ json: JSONValue, field: String) throws(FieldError) -> Double {
        guard let elements = json.array, elements.count == 2 else {
            throw FieldError(field: field, reason: "expected a [hex, decimal] pair, found \(json.kindName)")
        }
        let value = try HexFloat.decode(elements[0], field: field + "[0]")
        guard let text = elements[1].string, let decimal = Double(text) else {
            throw FieldError(field: field + "[1]", reason: "expected the decimal spelling of \(HexFloat.format(value))")
        }
        guard decimal.bitPattern == value.bitPattern || (decimal.isNaN && value.isNaN) else {
            throw FieldError(field: field, reason: "the hex \(HexFloat.format(value)) and the decimal \(text) are different numbers")
        }
        return value
    }

    /// An array of pairs.
    static func pairs(_ json: JSONValue, field: String) throws(FieldError) -> [Double] {
        guard let elements = json.array else { throw FieldError(field: field, reason: "expected an array, found \(json.kindName)") }
        var values: [Double] = []
        values.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            values.append(try pair(element, field: "\(field)[\(i)]"))
        }
        return values
    }

    /// An array of pairs or nulls.
    static func optionalPairs(_ json: JSONValue, field: String) throws(FieldError) -> [Double?] {
        guard let elements = json.array else { throw FieldError(field: field, reason: "expected an array, found \(json.kindName)") }
        var values: [Double?] = []
        values.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            values.append(element.isNull ? nil : try pair(element, field: "\(field)[\(i)]"))
        }
        return values
    }
}
