extension PortableMath {
    /// tanh x and whether the slow path decided it.
    ///
    /// - |x| ≤ 2^-27: x. tanh x = x (1 - δ) with 0 < δ < x²/3 ≤ 2^-55.58, while the rounding
    ///   boundary below x is at least 2^-54 |x| away, so x is the nearest double.
    /// - |x| ≥ 19.1: ±1. 1 - tanh|x| = 2/(e^(2|x|) + 1) < 2 e^-38.2 < 2^-54.1, under the
    ///   distance 2^-54 from 1 to the boundary below it.
    /// - 2^-27 < |x| < 2^-5: `tanhSmall`, relative error ≤ 2^-72.8.
    /// - 2^-5 ≤ |x| < 19.1: tanh|x| = E/(E + 2), E = e^(2|x|) - 1 (`tanhQuotient`). First from
    ///   `expQuickKernel` (relative error 2^-64.5 of e^(2|x|), so ≤ 2^-64.5 (E + 1)/E of E:
    ///   ≤ 2^-60.46 as E ≥ e^(1/16) - 1, ≤ 2^-63.51 for |x| ≥ 0.35 where E ≥ 1.0138); Ziv's
    ///   test uses 2^-60 and 2^-63. If undecided, from `expKernel` (2^-78.4 of e^(2|x|), so
    ///   ≤ 2^-74.35 of E, plus the roundings of its low part, below 2^-100): ≤ 2^-74.3, and
    ///   Ziv's test uses 2^-71. tanh's relative sensitivity to E is 2/(E + 2) ≤ 1, and the
    ///   double-double division (exact remainder by Dekker's product, then two roundings of the
    ///   low part) adds below 2^-100.
    static func tanhEvaluated(_ x: Double) -> (value: Double, slow: Bool) {
        let a = x.magnitude
        if a < 19.1 {
            if a <= 0x1p-27 { return (x, false) }
            if a < 0x1p-5 {
                let (high, low) = tanhSmall(a)
                if let rounded = DoubleDouble.roundedIfDecided(high, low, error: 0x1p-71 * high) {
                    return (x < 0 ? -rounded : rounded, false)
                }
                return (tanhSlow(x), true)
            }
            let (h, l, exponent) = expQuickKernel(2 * a, 0)
            let (high, low) = tanhQuotient(DoubleDouble.fastTwoSum(h, l), exponent)
            if let rounded = DoubleDouble.roundedIfDecided(high, low, error: (a < 0.35 ? 0x1p-60 : 0x1p-63) * high) {
                return (x < 0 ? -rounded : rounded, false)
            }
            return tanhAccurate(x)
        }
        if x.isNaN { return (x + x, false) }
        return (x < 0 ? -1 : 1, false)
    }

    /// tanh x for 2^-5 ≤ |x| < 19.1 when the first stage left it undecided: `expKernel`, then the
    /// slow path.
    @inline(never)
    static func tanhAccurate(_ x: Double) -> (value: Double, slow: Bool) {
        let (h, l, exponent) = expKernel(2 * x.magnitude, 0)
        let (high, low) = tanhQuotient((h, l), exponent)
        if let rounded = DoubleDouble.roundedIfDecided(high, low, error: 0x1p-71 * high) {
            return (x < 0 ? -rounded : rounded, false)
        }
        return (tanhSlow(x), true)
    }

    /// tanh a as high + low for 2^-27 < a < 2^-5: a (1 + v), v = c3 u + u (c5 u + … + c13 u⁶),
    /// u = a².
    ///
    /// Error analysis (relative to a ≤ tanh a × 1.0004): the series alternates with decreasing
    /// terms, so the tail is ≤ |c15| a¹⁴ ≤ 2^-79.4. The bracket (≤ 2^-12.9) is rounded at most
    /// 3 × 2^-53 relatively, then multiplied by uh ≤ 2^-10: ≤ 2^-74.3; its product by uh and
    /// the sum forming vl round by ≤ 2^-75.9 and 2^-75.8; u's low part is dropped from it
    /// (≤ 2^-77). uh c3h is exact (TwoProduct) and the c3 cross terms round below 2^-100.
    /// a (1 + v): a vh exact, a + a vh exact (FastTwoSum), three roundings ≤ 2^-75.8 each.
    /// In all ≤ 2^-72.8.
    @inline(__always)
    static func tanhSmall(_ a: Double) -> (high: Double, low: Double) {
        let (uh, ul) = DoubleDouble.twoProduct(a, a)
        let (c5, c7, c9, c11, c13) = tanhCoefficients
        let bracket = c5 + uh * (c7 + uh * (c9 + uh * (c11 + uh * c13)))
        let (c3h, c3l) = tanhC3
        let (vh, vl0) = DoubleDouble.twoProduct(uh, c3h)
        let vl = vl0 + (uh * c3l + ul * c3h) + uh * (uh * bracket)
        let (ph, pl) = DoubleDouble.twoProduct(a, vh)
        let (high, low) = DoubleDouble.fastTwoSum(a, ph)
        return DoubleDouble.fastTwoSum(high, low + (pl + a * vl))
    }

    /// tanh a as high + low for 2^-5 ≤ a < 19.1: E/(E + 2), E = e^(2a) - 1 with
    /// e^(2a) = (h + l) 2^exponent, |l| ≤ ulp(h) (see `tanhEvaluated`).
    @inline(__always)
    static func tanhQuotient(_ power: (h: Double, l: Double), _ exponent: Int) -> (high: Double, low: Double) {
        let (h, l) = power
        let scale = DoubleDouble.power2(exponent)
        // e^(2a) = p + q exactly, p > 1.06: E = p - 1 and E + 2 = p + 1 by FastTwoSum, exact.
        let p = h * scale, q = l * scale
        let (eh, el0) = DoubleDouble.fastTwoSum(p, -1)
        let el = el0 + q
        let (dh, dl0) = DoubleDouble.fastTwoSum(p, 1)
        let dl = dl0 + q
        let qh = eh / dh
        // eh - qh dh is a double (the remainder of a rounded quotient); with qh dh = ph + pl
        // exactly, eh - ph is exact (Sterbenz) and so is the subtraction of pl.
        let (ph, pl) = DoubleDouble.twoProduct(qh, dh)
        let remainder = ((eh - ph) - pl) + (el - qh * dl)
        return DoubleDouble.fastTwoSum(qh, remainder / dh)
    }

    /// tanh x rounded from wide arithmetic (Ziv's loop over `Wide.precisions`), for
    /// 2^-27 < |x| < 19.1: tanh a = E/(E + 2), E = e^(2a) - 1; the quotient's sensitivity to E
    /// is 2/(E + 2)² (≤ 1/2, taken at a lower bound of E), and the division truncates by less
    /// than one unit.
    static func tanhSlow(_ x: Double) -> Double {
        let a = x.magnitude
        precondition(a > 0x1p-27 && a < 19.1, "tanhSlow(\(x)): outside (2^-27, 19.1)")
        for fraction in Wide.precisions {
            let (power, scale, powerError) = Wide.exp(Wide(2 * a, fraction: fraction), error: 0)
            let e = power.shiftedLeft(scale) - Wide(integer: 1, fraction: fraction)
            let quotient = e.divided(by: e + Wide(integer: 2, fraction: fraction))
            let lowerE = e.approximation * (1 - 0x1p-40)
            let error = 2.001 / ((lowerE + 2) * (lowerE + 2)) * powerError * Double(1 << scale) + 1
            if let rounded = quotient.roundedIfDecided(error: error, scale: 0) { return x < 0 ? -rounded : rounded }
        }
        preconditionFailure("PortableMath.tanh(\(x)): undecided at \(Wide.precisions.last! * 64) bits")
    }
}
