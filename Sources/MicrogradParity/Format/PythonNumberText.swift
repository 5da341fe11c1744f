/// JSON numbers as Python's `json.dumps` writes them after `json.loads` read them: integers
/// unchanged (but `-0` is `0`), and any number with a fraction or an exponent as `repr(float)`:
/// the shortest digits that read back as the same double, in fixed notation when the decimal
/// exponent is in [-4, 16), otherwise as `d.ddde±XX` — `0.1`, `1e-08`, `100000.0`, `1e+16`.
enum PythonNumberText {
    /// The text Python writes for the number JSON spells `lexeme`.
    static func canonical(_ lexeme: String) -> String {
        guard lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else {
            return lexeme == "-0" ? "0" : lexeme
        }
        guard let value = Double(lexeme), value.isFinite else { return lexeme }
        return repr(value)
    }

    /// Python's `repr` of a finite double.
    static func repr(_ x: Double) -> String {
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0.0" }
        let (digits, point) = shortestDigits(x.magnitude)
        if point <= -4 || point > 16 {
            let mantissa = digits.count == 1 ? digits : "\(digits.first!).\(digits.dropFirst())"
            let exponent = point - 1
            let exponentDigits = String(exponent.magnitude)
            return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(exponentDigits.count < 2 ? "0" : "")\(exponentDigits)"
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a positive finite `x` (no leading or trailing
    /// zeros) and the position of the decimal point: `x = 0.<digits> × 10^point`. Swift's
    /// `description` prints the same shortest, closest digits as Python's `repr`; only the
    /// layout differs, so the digits are taken from it.
    static func shortestDigits(_ x: Double) -> (digits: String, point: Int) {
        let text = x.description
        let parts = text.split(separator: "e")
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0]), fraction = mantissa.count == 2 ? String(mantissa[1]) : ""
        var digits = Substring(whole + fraction)
        var point = whole.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), point)
    }
}
