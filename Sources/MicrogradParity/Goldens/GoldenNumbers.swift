/// A number of a golden file: a `[hex, decimal]` pair (see ``HexFloat``), the decimal being
/// Python's `repr()` of the same number, for people reading the file. Decoding fails unless the
/// hex is canonical and the decimal spells the same number (both NaN, or bit for bit).
struct GoldenNumber: Decodable {
    /// The number.
    let value: Double

    init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        guard pair.count == 2 else {
            throw decoder.problem("expected a [hex, decimal] pair, found an array of \(pair.count.map(String.init) ?? "unknown") elements")
        }
        let hex = try pair.decode(String.self)
        guard let value = HexFloat.parse(hex) else {
            throw FieldError(at: decoder.codingPath + [IndexKey(0)], reason: HexFloat.notCanonical(hex))
        }
        let text = try pair.decode(String.self)
        guard let decimal = Double(text) else {
            throw FieldError(at: decoder.codingPath + [IndexKey(1)], reason: "expected the decimal spelling of \(HexFloat.format(value))")
        }
        guard decimal.bitPattern == value.bitPattern || (decimal.isNaN && value.isNaN) else {
            throw decoder.problem("the hex \(HexFloat.format(value)) and the decimal \(text) are different numbers")
        }
        self.value = value
    }
}

/// An array of golden numbers.
struct GoldenNumbers: Decodable {
    /// The numbers.
    let values: [Double]

    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var values: [Double] = []
        values.reserveCapacity(list.count ?? 0)
        while !list.isAtEnd { values.append(try list.decode(GoldenNumber.self).value) }
        self.values = values
    }
}

/// An array of golden numbers or nulls (a gradient backward never reached).
struct OptionalGoldenNumbers: Decodable {
    /// The numbers.
    let values: [Double?]

    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var values: [Double?] = []
        values.reserveCapacity(list.count ?? 0)
        while !list.isAtEnd { values.append(try list.decodeNil() ? nil : try list.decode(GoldenNumber.self).value) }
        self.values = values
    }
}
