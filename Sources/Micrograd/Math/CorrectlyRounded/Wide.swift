/// A signed fixed-point number with `fraction` 64-bit limbs after the binary point and one
/// before it: the arithmetic of the functions' slow paths, which decide the rounding where the
/// double-double fast path cannot.
///
/// `limbs` is the magnitude as an integer, least significant limb first, in units of
/// 2^(-64 × fraction). Every operation either is exact or truncates its result towards zero by
/// less than one unit; the callers add up those truncations (and the propagation of their
/// inputs' errors) in an explicit error bound, in units.
struct Wide {
    var negative: Bool
    var limbs: [UInt64]

    /// Limbs after the binary point.
    var fraction: Int { limbs.count - 1 }

    init(negative: Bool = false, limbs: [UInt64]) {
        self.negative = negative
        self.limbs = limbs
    }

    /// The integer `n`, exactly.
    init(integer n: UInt64, fraction: Int) {
        var limbs = [UInt64](repeating: 0, count: fraction + 1)
        limbs[fraction] = n
        self.init(limbs: limbs)
    }

    /// `x`, truncated towards zero to a whole unit (exact when x's last bit is a whole unit).
    /// `|x|` must be below 2^64.
    init(_ x: Double, fraction: Int) {
        precondition(x.isFinite && x.magnitude < 0x1p64, "Wide(\(x)): out of range")
        self.init(integer: 0, fraction: fraction)
        negative = x < 0
        guard x != 0 else { return }
        let significand = x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)
        let lastBit = Int(x.exponent) - (x.isNormal ? 52 : Int(x.exponent) + 1074)
        add(significand, atBit: lastBit + 64 * fraction)
    }

    /// ln 2, truncated to `fraction` limbs (less than one unit below it).
    static func ln2(fraction: Int) -> Wide {
        precondition(fraction <= ln2Limbs.count, "ln 2 is tabulated to \(ln2Limbs.count) limbs")
        return Wide(limbs: ln2Limbs.prefix(fraction).reversed() + [0])
    }

    /// Adds `n × 2^bit` (in units) to the magnitude; bits below unit 0 are dropped.
    private mutating func add(_ n: UInt64, atBit bit: Int) {
        var wide = UInt128(n)
        var position = bit
        if position < 0 {
            guard position > -64 else { return }
            wide >>= UInt128(-position)
            position = 0
        }
        var index = position / 64
        wide <<= UInt128(position % 64)
        while wide != 0 {
            precondition(index < limbs.count, "Wide: overflow of the integer limb")
            let (sum, carry) = limbs[index].addingReportingOverflow(UInt64(truncatingIfNeeded: wide))
            limbs[index] = sum
            wide = (wide >> 64) + (carry ? 1 : 0)
            index += 1
        }
    }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    /// The value, approximately (within a relative 2^-52 or so): for choosing reductions only.
    var approximation: Double {
        var value = 0.0
        for limb in limbs.reversed().prefix(3) { value = value * 0x1p64 + Double(limb) }
        let dropped = max(0, limbs.count - 3)
        value *= Double(sign: .plus, exponent: 64 * (dropped - fraction), significand: 1)
        return negative ? -value : value
    }

    // MARK: magnitudes

    private static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var carry = false
        for i in result.indices {
            let (s1, c1) = result[i].addingReportingOverflow(b[i])
            let (s2, c2) = s1.addingReportingOverflow(carry ? 1 : 0)
            result[i] = s2
            carry = c1 || c2
        }
        precondition(!carry, "Wide: overflow of the integer limb")
        return result
    }

    /// a - b for a ≥ b.
    private static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var borrow = false
        for i in result.indices {
            let (d1, b1) = result[i].subtractingReportingOverflow(b[i])
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            result[i] = d2
            borrow = b1 || b2
        }
        return result
    }

    // MARK: arithmetic

    static func + (a: Wide, b: Wide) -> Wide {
        precondition(a.limbs.count == b.limbs.count, "Wide: operands of different precision")
        if a.negative == b.negative { return Wide(negative: a.negative, limbs: addMagnitudes(a.limbs, b.limbs)) }
        if compare(a.limbs, b.limbs) >= 0 { return Wide(negative: a.negative, limbs: subtractMagnitudes(a.limbs, b.limbs)) }
        return Wide(negative: b.negative, limbs: subtractMagnitudes(b.limbs, a.limbs))
    }

    static prefix func - (a: Wide) -> Wide { Wide(negative: !a.negative, limbs: a.limbs) }

    static func - (a: Wide, b: Wide) -> Wide { a + -b }

    /// The product, truncated (less than one unit below it in magnitude).
    static func * (a: Wide, b: Wide) -> Wide {
        precondition(a.limbs.count == b.limbs.count, "Wide: operands of different precision")
        let n = a.limbs.count
        var product = [UInt64](repeating: 0, count: 2 * n)
        for i in 0..<n where a.limbs[i] != 0 {
            var carry: UInt64 = 0
            for j in 0..<n {
                let (high, low) = a.limbs[i].multipliedFullWidth(by: b.limbs[j])
                let wide = UInt128(high) << 64 + UInt128(low) + UInt128(product[i + j]) + UInt128(carry)
                product[i + j] = UInt64(truncatingIfNeeded: wide)
                carry = UInt64(truncatingIfNeeded: wide >> 64)
            }
            product[i + n] = carry
        }
        let fraction = n - 1
        precondition(product[(fraction + n)...].allSatisfy { $0 == 0 }, "Wide: overflow of the integer limb")
        return Wide(negative: a.negative != b.negative, limbs: Array(product[fraction..<(fraction + n)]))
    }

    /// The product by `n`, exactly.
    func multiplied(by n: UInt64) -> Wide {
        var result = self
        var carry: UInt64 = 0
        for i in result.limbs.indices {
            let (high, low) = result.limbs[i].multipliedFullWidth(by: n)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            result.limbs[i] = sum
            carry = high + (overflow ? 1 : 0)
        }
        precondition(carry == 0, "Wide: overflow of the integer limb")
        return result
    }

    /// The quotient by `n` > 0, truncated (less than one unit below it in magnitude).
    func divided(by n: UInt64) -> Wide {
        var result = self
        var remainder: UInt64 = 0
        for i in result.limbs.indices.reversed() {
            let (q, r) = n.dividingFullWidth((remainder, result.limbs[i]))
            result.limbs[i] = q
            remainder = r
        }
        return result
    }

    /// The quotient `self / d`, truncated (less than one unit below it in magnitude), by binary
    /// long division of self × 2^(64 × fraction) by d. `d` must not be zero.
    func divided(by d: Wide) -> Wide {
        precondition(limbs.count == d.limbs.count && !d.isZero, "Wide: bad divisor")
        let n = limbs.count
        var remainder = [UInt64](repeating: 0, count: n + 1)
        let divisor = d.limbs + [0]
        var quotient = [UInt64](repeating: 0, count: n)
        // The numerator's bits, most significant first: self's limbs, then `fraction` zero limbs.
        let numeratorBits = 64 * (n + fraction)
        for bit in stride(from: numeratorBits - 1, through: 0, by: -1) {
            var carry: UInt64 = 0
            for i in remainder.indices {
                let next = remainder[i] >> 63
                remainder[i] = remainder[i] << 1 | carry
                carry = next
            }
            let limbIndex = bit / 64 - fraction
            if limbIndex >= 0 { remainder[0] |= (limbs[limbIndex] >> UInt64(bit % 64)) & 1 }
            if Wide.compare(remainder, divisor) >= 0 {
                remainder = Wide.subtractMagnitudes(remainder, divisor)
                precondition(bit / 64 < n, "Wide: quotient overflows the integer limb")
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        return Wide(negative: negative != d.negative, limbs: quotient)
    }

    /// self × 2^-bits, truncated (less than one unit below it in magnitude).
    func shiftedRight(_ bits: Int) -> Wide {
        precondition(bits >= 0, "Wide: negative shift")
        var result = Wide(integer: 0, fraction: fraction)
        result.negative = negative
        let limbShift = bits / 64, bitShift = UInt64(bits % 64)
        for i in limbs.indices where i + limbShift < limbs.count {
            let low = limbs[i + limbShift] >> bitShift
            let high = bitShift == 0 || i + limbShift + 1 >= limbs.count ? 0 : limbs[i + limbShift + 1] << (64 - bitShift)
            result.limbs[i] = low | high
        }
        return result
    }

    /// self × 2^bits, exactly (the result must stay below 2^64).
    func shiftedLeft(_ bits: Int) -> Wide {
        precondition(bits >= 0, "Wide: negative shift")
        var result = Wide(integer: 0, fraction: fraction)
        result.negative = negative
        for i in limbs.indices where limbs[i] != 0 {
            result.add(limbs[i], atBit: 64 * i + bits)
        }
        return result
    }

    /// A number at least `units` units (units + 2, truncated to whole units), or nil beyond 1.
    static func errorBound(_ units: Double, fraction: Int) -> Wide? {
        let unit = Double(sign: .plus, exponent: -64 * fraction, significand: 1)
        let bound = (units + 2) * unit
        guard bound < 1 else { return nil }
        return Wide(bound, fraction: fraction)
    }

    /// The binary64 nearest to self × 2^scale (ties to even), with subnormals and overflow.
    func rounded(scale: Int) -> Double {
        Binary64.rounded(negative: negative, magnitude: limbs, exponent: scale - 64 * fraction)
    }

    /// The double nearest to self × 2^scale if every number within `error` units of self
    /// rounds to it, else nil (Ziv's test in the slow path).
    func roundedIfDecided(error: Double, scale: Int) -> Double? {
        guard let bound = Wide.errorBound(error, fraction: fraction) else { return nil }
        let low = (self - bound).rounded(scale: scale)
        let high = (self + bound).rounded(scale: scale)
        return low.bitPattern == high.bitPattern ? low : nil
    }
}
