extension PortableMath {
    /// e^(xh + xl) as (high + low) × 2^exponent, for |xh| ≤ 745.2 and |xl| ≤ 2^-43 (xl = 0 for
    /// `exp`, the low part of y log x for `pow`), with |high + low - e^(xh+xl) 2^-exponent| below
    /// 2^-78.4 (high + low), high in (0.999, 2.001) and |low| ≤ ulp(high).
    ///
    /// Error analysis. k = round(xh × 4096/ln 2), so |xh/(ln2/4096) - k| ≤ 1/2 + 2^-30 and
    /// |k| < 2^22.1. The reduced argument r = xh + xl - k ln2/4096 is formed as rh + rl
    /// (Cody and Waite): k c_hi and k c_mid are exact (30 bits each), xh - k c_hi is exact
    /// (Sterbenz) and TwoSum adds -k c_mid exactly; what is lost is the rounding of
    /// rl0 + (xl - k c_lo) (≤ 2^-53 × 2^-43 ≤ 2^-96, with xl ≤ 2^-43.5) and ln2/4096's tail
    /// beyond three parts (≤ 2^-53 |c_lo| |k| ≤ 2^-109); FastTwoSum renormalizes (|rl| ≤ ulp(rh)). In all
    /// |rh + rl - r| ≤ 2^-95.9, and |r| ≤ 2^-13.5.
    /// e^r = 1 + r + r²/2 + r³/6 + r⁴/24 + r⁵/120 + ε₁ with |ε₁| ≤ 1.001 |r|⁶/720 ≤ 2^-90.5.
    /// p = rh² (1/2 + rh (c3 + rh (c4 + rh c5))) in binary64: the bracket's relative error is
    /// ≤ 2^-53 (1 + 2^-12) (its last addition, and the product before it, below 2^-12 of it)
    /// plus ≤ 2^-66 (the inner terms are below 2^-15.5 of it, the coefficients rounded once), rh² and
    /// the product add two roundings: |p - rh² P(rh)| ≤ 3.01 × 2^-53 |p| ≤ 2^-79.4, as
    /// |p| ≤ 1.0001 r²/2 ≤ 2^-28. Dropped terms of (rh + rl)ⁿ: |rh rl| + … ≤ 2^-13.5 × 2^-66.4
    /// ≤ 2^-79.9 (|rl| ≤ ulp(rh)/2 + 2^-95.9). fl(rl + p) rounds by ≤ 2^-53 × 2^-27.9 ≤ 2^-80.9;
    /// FastTwoSum is exact. So q = qh + ql has |q - (e^r - 1)| ≤ 2^-90.5 + 2^-79.4 + 2^-79.9
    /// + 2^-80.9 ≤ 2^-78.5.
    /// T = 2^(i/64) × 2^(j/4096) from the double-double tables (each within 2^-105 relatively):
    /// TwoProduct plus the cross terms loses ≤ 2^-104 (dropped lo × lo, two roundings below
    /// 2^-104), so |T - 2^(i/64 + j/4096)| ≤ 2^-102.9 T. The product T (1 + q) keeps th qh exact
    /// (TwoProduct), th (1 + qh) exact (FastTwoSum, |th qh| < th), and rounds the remaining
    /// terms (each below 2^-51 T) seven times and drops tl ql (≤ 2^-119 T): ≤ 2^-101 T. With
    /// T ≤ 2 and T (1 + q) ≥ 0.9999 T, the relative error is ≤ 2^-78.5 × 1.0002 + 2^-101
    /// ≤ 2^-78.4. The callers' Ziv test uses 2^-77, leaving room for its own roundings.
    @inline(__always)
    static func expKernel(_ xh: Double, _ xl: Double) -> (high: Double, low: Double, exponent: Int) {
        let (kd, k) = DoubleDouble.roundedToIntegers(xh * expInverseStep)
        let (rh0, rl0) = DoubleDouble.twoSum(xh - kd * expStepHigh, -(kd * expStepMiddle))
        let (rh, rl) = DoubleDouble.fastTwoSum(rh0, rl0 + (xl - kd * expStepLow))
        let (c3, c4, c5) = expCoefficients
        let p = (rh * rh) * (0.5 + rh * (c3 + rh * (c4 + rh * c5)))
        let (qh, ql) = DoubleDouble.fastTwoSum(rh, rl + p)

        let (t1h, t1l, t1hh, t1hl) = expTable1[(k >> 6) & 63]
        let (t2h, t2l, t2hh, t2hl) = expTable2[k & 63]
        let (th, tl0) = DoubleDouble.twoProduct(t1h, halves: (t1hh, t1hl), t2h, halves: (t2hh, t2hl))
        let tl = tl0 + (t1l * t2h + t1h * t2l)
        let (ah, al) = DoubleDouble.twoProduct(th, qh)
        let (sh, sl) = DoubleDouble.fastTwoSum(th, ah)
        let low = sl + (al + ((tl + tl * qh) + th * ql))
        let (high, rest) = DoubleDouble.fastTwoSum(sh, low)
        return (high, rest, k >> 12)
    }

    /// e^x and whether the slow path decided it.
    static func expEvaluated(_ x: Double) -> (value: Double, slow: Bool) {
        // e^x is normal for x ≥ -708.39 (ln 2^-1022 = -708.3964) and finite below 709.79
        // (ln of the overflow threshold (2 - 2^-53) 2^1023 is 709.7827).
        if x > -708.39 && x < 709.79 {
            let (high, low, exponent) = expQuickKernel(x, 0)
            if let rounded = DoubleDouble.roundedIfDecided(high, low, error: 0x1p-63 * high) {
                return (DoubleDouble.scaled(rounded, exponent), false)
            }
            return expAccurate(x)
        }
        if x.isNaN { return (x + x, false) }
        if x >= 709.79 { return (.infinity, false) }
        // Below ln 2^-1075 = -745.1332 the result is under half the least subnormal: +0.
        if x <= -745.14 { return (0, false) }
        return (expSlow(x), true) // a subnormal result: rounded in the slow path
    }

    /// e^x for -708.39 < x < 709.79 when `expQuickKernel` left it undecided: `expKernel`, then
    /// the slow path.
    @inline(never)
    static func expAccurate(_ x: Double) -> (value: Double, slow: Bool) {
        let (high, low, exponent) = expKernel(x, 0)
        if let rounded = DoubleDouble.roundedIfDecided(high, low, error: 0x1p-77 * high) {
            return (DoubleDouble.scaled(rounded, exponent), false)
        }
        return (expSlow(x), true)
    }

    /// e^x rounded from wide arithmetic (Ziv's loop over `Wide.precisions`), for |x| < 1100.
    /// e^0 = 1 is its only exact value (Lindemann), answered directly.
    static func expSlow(_ x: Double) -> Double {
        if x == 0 { return 1 }
        for fraction in Wide.precisions {
            let (value, scale, error) = Wide.exp(Wide(x, fraction: fraction), error: 1)
            if let rounded = value.roundedIfDecided(error: error, scale: scale) { return rounded }
        }
        preconditionFailure("PortableMath.exp(\(x)): undecided at \(Wide.precisions.last! * 64) bits")
    }
}
