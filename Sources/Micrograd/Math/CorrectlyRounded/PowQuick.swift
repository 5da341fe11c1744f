extension PortableMath {
    /// a^y for finite a > 0 and finite y, or nil where Ziv's test leaves it undecided or
    /// |th| ≥ 708.38 (results near or beyond the ends of the normal range): the first stage of `pow`, `powLogKernel` feeding `expQuickKernel`.
    /// `knownNormal` leaves out subnormal a.
    ///
    /// t = y log a = y (lh + ll) is formed without Dekker's splitting (the idea of the
    /// C library's non-fma path): yh and hh are y and lh with their last 27 bits cleared (26
    /// significant bits each), so yh hh is exact, and t = yh hh + (yl hh + y hl) with
    /// yl = y - yh and hl = (lh - hh) + ll (both differences exact). With L = |log a|,
    /// |lh| ≤ (1 + 2^-17.28) L, |yl| < 2^-25 |y| and |hl| ≤ 2^-25 |lh| + |ll| ≤ 2^-17.28 L
    /// (`powLogKernel` leaves ll as large as 2^-17.29 L), so hl's rounding (≤ 2^-70.28 L, times
    /// |y| in t), y hl's and the sum's (≤ 2^-70.28 and 2^-70.27 |y| L) and yl hh's
    /// (≤ 2^-78 |y| L) add up to ≤ 2^-68.69 |t|. FastTwoSum (|yl hh + y hl| ≤ 2^-17.2 |yh hh|) gives th + tl with
    /// |tl| ≤ ulp(th)/2 ≤ 2^-43 for |th| < 1024. With `powLogKernel`'s 2^-67.65, th + tl is
    /// within 2^-67.08 |t|, which moves e^t by ≤ 1.0001 × 2^-67.08 |t| relatively for
    /// |t| < 746, and `expQuickKernel(th, tl)` adds 2^-64.5 of high: Ziv's test uses
    /// (2^-63 + 2^-66 |th|) of high, which leaves room for its own rounding (≤ 2^-53 ×
    /// 2^-13.4 high), as in `exp`, and more than a factor 2 over the bound in |th|.
    ///
    /// y = 0 and a = 1 give t = 0 exactly (log 1 = 0 exactly, every term is zero), so the
    /// result 1. Where yh hh is below 2^-1022 (and may have lost bits), |t| < 2^-1021 and
    /// |th + tl| is as small: e^t rounds to 1, and so does the computed value (k = 0, high = 1).
    /// Where it overflows (only for |y| > 2^1014), th is ±inf with t's sign, tl is finite or NaN
    /// and unused, and the overflow tests below decide.
    @inline(__always)
    static func powQuick(_ a: Double, _ y: Double, knownNormal: Bool) -> Double? {
        let (lh, ll) = powLogKernel(a, knownNormal: knownNormal)
        let mask: UInt64 = ~0x7FF_FFFF
        let yh = Double(bitPattern: y.bitPattern & mask)
        let hh = Double(bitPattern: lh.bitPattern & mask)
        let (th, tl) = DoubleDouble.fastTwoSum(yh * hh, (y - yh) * hh + y * ((lh - hh) + ll))
        guard th.magnitude < 708.38 else {
            // |th - t| ≤ 2^-67 |t| + ulp(th): beyond these bounds the result surely overflows
            // (t > 709.7828) or is below half the least subnormal (t < -745.1333).
            if th > 709.8 { return .infinity }
            if th < -745.2 { return 0 }
            return nil
        }
        let (high, low, exponent) = expQuickKernel(th, tl)
        let error = (0x1p-63 + 0x1p-66 * th.magnitude) * high
        guard let rounded = DoubleDouble.roundedIfDecided(high, low, error: error) else { return nil }
        // For |th| < 708.38, -1022 ≤ exponent ≤ 1021 and the result is within 2^-52 of
        // e^t in (2^-1021.97, 2^1021.97): a normal double, so the scaling is exact.
        return rounded * DoubleDouble.power2(exponent)
    }
}
