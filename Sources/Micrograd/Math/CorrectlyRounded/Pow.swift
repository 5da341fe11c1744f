extension PortableMath {
    /// x^y and whether the slow path decided it.
    ///
    /// One integer comparison on each bit pattern sends positive normal x with finite y
    /// straight to the two stages (`powPositive`); every other input goes to `powSpecial`.
    ///
    /// |x|^y = e^t, t = y log|x|, in two stages. First `powQuick` (`powLogKernel`, 2^-67.65,
    /// then `expQuickKernel`; Ziv's test with (2^-63 + 2^-66 |th|) of the result). If
    /// undecided, the accurate `logKernel` (≤ 2^-75) gives th + tl within 2^-74.99 |t|, and
    /// `expKernel(th, tl)` adds 2^-78.4: Ziv's test uses (2^-77 + 2^-74 |th|). Results that are
    /// dyadic rationals (x^y exact: `powExact`) are rounded exactly when that fails, since an
    /// exact double or midpoint can never pass it; the rest go to the slow path.
    static func powEvaluated(_ x: Double, _ y: Double) -> (value: Double, slow: Bool) {
        if x.bitPattern &- 0x0010_0000_0000_0000 < 0x7FE0_0000_0000_0000
            && y.bitPattern & 0x7FF0_0000_0000_0000 != 0x7FF0_0000_0000_0000
        {
            return powPositive(x, y, knownNormal: true)
        }
        return powSpecial(x, y)
    }

    /// x^y for the inputs `powEvaluated` does not send straight to `powPositive`: x zero,
    /// negative, subnormal or not finite, or y not finite.
    ///
    /// Special values (C Annex F): pow(x, ±0) = 1 and pow(1, y) = 1 for every x and y, NaN
    /// included; pow(-1, ±inf) = 1; otherwise a NaN operand gives NaN. pow(±0, y) is ±inf for
    /// odd integers y < 0, +inf for other y < 0, ±0 for odd integers y > 0 and +0 for other
    /// y > 0. pow(x, -inf) is +inf for |x| < 1 and +0 for |x| > 1, pow(x, +inf) the reverse.
    /// pow(-inf, y) is -0 / +0 / -inf / +inf for odd y < 0, other y < 0, odd y > 0, other y > 0;
    /// pow(+inf, y) is +0 for y < 0 and +inf for y > 0. A finite x < 0 with a finite non-integer
    /// y gives NaN; with an integer y, the result is |x|^y, negated for odd y.
    @inline(never)
    static func powSpecial(_ x: Double, _ y: Double) -> (value: Double, slow: Bool) {
        if y == 0 || x == 1 { return (1, false) }
        if x.isNaN || y.isNaN { return (x + y, false) }
        if y.isInfinite {
            if x == -1 { return (1, false) }
            return ((x.magnitude < 1) == (y < 0) ? .infinity : 0, false)
        }
        let yIsInteger = DoubleDouble.isInteger(y)
        let yIsOdd = yIsInteger && y.magnitude < 0x1p53 && Int64(y) & 1 != 0
        if x == 0 {
            if y < 0 { return (yIsOdd ? 1 / x : .infinity, false) }
            return (yIsOdd ? x : 0, false)
        }
        if x.isInfinite {
            if x > 0 { return (y < 0 ? 0 : .infinity, false) }
            if y < 0 { return (yIsOdd ? -0.0 : 0, false) }
            return (yIsOdd ? -.infinity : .infinity, false)
        }
        if x < 0 && !yIsInteger { return (.nan, false) }
        let (magnitude, slow) = powPositive(x.magnitude, y, knownNormal: false)
        return (x < 0 && yIsOdd ? -magnitude : magnitude, slow)
    }

    /// a^y for finite a > 0 and finite y: `powQuick`, then `powAccurate`; for y = 1/2,
    /// a.squareRoot(), which IEEE 754 rounds correctly. (Near 1, a^(1/2) lies next to a
    /// midpoint, √(1 - k 2^-53) = 1 - k 2^-54 - k² 2^-109 - …, so for |a - 1| < 2^-36 the two
    /// stages would leave it to the slow path; AdamW's bias correction asks for it every step.)
    @inline(__always)
    static func powPositive(_ a: Double, _ y: Double, knownNormal: Bool) -> (value: Double, slow: Bool) {
        if y == 0.5 { return (a.squareRoot(), false) }
        if let value = powQuick(a, y, knownNormal: knownNormal) { return (value, false) }
        return powAccurate(a, y)
    }

    /// a^y (as `powPositive`) when the first stage left it undecided or its result is not normal.
    @inline(never)
    static func powAccurate(_ a: Double, _ y: Double) -> (value: Double, slow: Bool) {
        let (lh, ll) = logKernel(a, accurate: true)
        let (th, tl0) = DoubleDouble.twoProduct(y, lh)
        if th > -708.38 && th < 709.78 {
            let (high, low, exponent) = expKernel(th, tl0 + y * ll)
            let error = (0x1p-77 + 0x1p-74 * th.magnitude) * high
            if let rounded = DoubleDouble.roundedIfDecided(high, low, error: error) {
                return (DoubleDouble.scaled(rounded, exponent), false)
            }
        }
        if let exact = powExact(a, y) { return (exact, false) }
        return (powSlow(a, y), true)
    }

    /// a^y rounded from wide arithmetic (Ziv's loop over `Wide.precisions`), for finite a > 0,
    /// a ≠ 1, finite y ≠ 0 with |y log a| < 746, when a^y is not a dyadic rational (`powExact`).
    /// t = y log a: log a within lErr units; y = ±M 2^E (M < 2^53) multiplies it exactly except
    /// a right shift's truncation (< 1 unit, before the product by M).
    static func powSlow(_ a: Double, _ y: Double) -> Double {
        let exponent = Int(y.exponent) - 52
        let significand = y.significandBitPattern | (y.isNormal ? 1 << 52 : 0)
        let shift = y.isNormal ? exponent : -1074
        for fraction in Wide.precisions {
            let (logarithm, logError) = Wide.log(a, fraction: fraction)
            var t: Wide, tError: Double
            if shift >= 0 {
                t = logarithm.multiplied(by: significand).shiftedLeft(shift)
                tError = logError * Double(significand) * Double(sign: .plus, exponent: shift, significand: 1)
            } else {
                t = logarithm.shiftedRight(-shift).multiplied(by: significand)
                tError = (logError * Double(sign: .plus, exponent: shift, significand: 1) + 1) * Double(significand)
            }
            if y < 0 { t = -t }
            let (value, scale, error) = Wide.exp(t, error: tError)
            if let rounded = value.roundedIfDecided(error: error, scale: scale) { return rounded }
        }
        preconditionFailure("PortableMath.pow(\(a), \(y)): undecided at \(Wide.precisions.last! * 64) bits")
    }
}
