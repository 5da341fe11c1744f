/// Rounding an exact binary number to binary64 by integer arithmetic: the one place a slow path
/// or an exact case of `pow` turns its number into a `Double`.
enum Binary64 {
    /// The double nearest to (-1)^negative × magnitude × 2^exponent, ties to even, with
    /// subnormals and overflow to infinity; `magnitude` is an integer, least significant limb
    /// first.
    static func rounded(negative: Bool, magnitude: [UInt64], exponent: Int) -> Double {
        guard let top = magnitude.lastIndex(where: { $0 != 0 }) else { return negative ? -0.0 : 0.0 }
        let topBit = 64 * top + 63 - magnitude[top].leadingZeroBitCount // bit index of the leading 1
        let leadingWeight = topBit + exponent // it weighs 2^leadingWeight
        let lastWeight = max(leadingWeight - 52, -1074) // weight of the result's last bit
        let shift = lastWeight - exponent // bits of magnitude below it
        var significand: UInt64
        if shift <= 0 {
            significand = bits(magnitude, from: 0, count: topBit + 1) << UInt64(-shift)
        } else {
            significand = bits(magnitude, from: shift, count: topBit + 1 - shift)
            let roundBit = bits(magnitude, from: shift - 1, count: 1)
            let sticky = hasBits(magnitude, below: shift - 1)
            if roundBit == 1 && (sticky || significand & 1 == 1) { significand += 1 }
        }
        // significand ≤ 2^53 and the result's last bit weighs 2^lastWeight ≥ 2^-1074: the
        // scaling below is exact, or overflows to infinity exactly when the result does.
        let value = Double(sign: .plus, exponent: lastWeight, significand: Double(significand))
        return negative ? -value : value
    }

    /// `count` ≤ 64 bits of `magnitude` starting at bit `from` (bits past the end are zero).
    private static func bits(_ magnitude: [UInt64], from: Int, count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        var result: UInt64 = 0
        for k in 0..<count {
            let bit = from + k
            let limb = bit / 64
            if limb < magnitude.count && (magnitude[limb] >> UInt64(bit % 64)) & 1 == 1 { result |= 1 << UInt64(k) }
        }
        return result
    }

    /// Whether any bit of `magnitude` below bit `position` is set.
    private static func hasBits(_ magnitude: [UInt64], below position: Int) -> Bool {
        guard position > 0 else { return false }
        let whole = position / 64
        if magnitude.prefix(whole).contains(where: { $0 != 0 }) { return true }
        let rest = position % 64
        return rest > 0 && whole < magnitude.count && magnitude[whole] & ((1 << UInt64(rest)) - 1) != 0
    }
}
