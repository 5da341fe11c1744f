/// The text form of a `Double` in case and golden files, exact and canonical.
///
/// Finite numbers are written as Python's `float.hex()` writes them, with the trailing zeros
/// of the fraction removed (and the point when none is left): `3.0` is `"0x1.8p+1"`, `1.0` is
/// `"0x1p+0"`, `-0.0` is `"-0x0p+0"`, the smallest subnormal `"0x0.0000000000001p-1022"`.
/// The non-finite values are spelled as `float.hex()` spells them: `"inf"`, `"-inf"`, `"nan"`
/// (every NaN is `"nan"`; the suite treats all NaNs as equal). Each number has exactly one
/// spelling, so files regenerate byte for byte.
public enum HexFloat {
    /// The canonical text of `x`.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        let fraction = x.significandBitPattern
        let leading: String, exponent: Int
        if x.isZero {
            return sign + "0x0p+0"
        } else if x.isSubnormal {
            (leading, exponent) = ("0", -1022)
        } else {
            (leading, exponent) = ("1", Int(x.exponentBitPattern) - 1023)
        }
        var digits = String(fraction, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        let point = digits.isEmpty ? "" : "." + digits
        return "\(sign)0x\(leading)\(point)p\(exponent < 0 ? "-" : "+")\(exponent.magnitude)"
    }

    /// The number `text` spells, or nil unless `text` is its canonical spelling.
    public static func parse(_ text: String) -> Double? {
        guard let value = value(of: text), format(value) == text else { return nil }
        return value
    }

    /// Why `text` is refused, for error messages.
    static func notCanonical(_ text: String) -> String {
        "\"\(text)\" is not a float in canonical hex form (like \"0x1.8p+1\", \"-0x0p+0\", \"inf\", \"nan\")"
    }

    /// Reads `[-]0x<h>[.<hhh>]p<±d>`, `inf`, `-inf` or `nan`.
    private static func value(of text: String) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: break
        }
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest.removeFirst() }
        guard rest.hasPrefix("0x"), let p = rest.firstIndex(of: "p") else { return nil }
        let mantissa = rest[rest.index(rest.startIndex, offsetBy: 2)..<p]
        guard let exponent = Int(rest[rest.index(after: p)...]), mantissa.count <= 15 else { return nil }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = UInt64(parts[0], radix: 16) else { return nil }
        let fractionDigits = parts.count == 2 ? parts[1] : ""
        guard fractionDigits.count <= 13, let fraction = fractionDigits.isEmpty ? 0 : UInt64(fractionDigits, radix: 16) else {
            return nil
        }
        let significand = whole << (4 * UInt64(fractionDigits.count)) | fraction
        let magnitude = Double(sign: .plus, exponent: exponent - 4 * fractionDigits.count, significand: Double(significand))
        return negative ? -magnitude : magnitude
    }
}
