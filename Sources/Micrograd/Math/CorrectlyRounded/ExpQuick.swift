extension PortableMath {
    /// e^(xh + xl) as (high + low) × 2^exponent in plain binary64 after the table product, for
    /// |xh| ≤ 745.2 and |xl| ≤ 2^-43 (xl = 0 for `exp`, the low part of y log x for `pow`), with
    /// |high + low - e^(xh+xl) 2^-exponent| below 2^-64.5 high, high in [1, 2) and
    /// |low| < 2^-13.4 high: the first stage of `exp`, `tanh` and `pow`, decided by
    /// Ziv's test about 999 times in 1000; `expKernel` (2^-78.4) takes the rest.
    ///
    /// Error analysis. k and the exact xh - k c_hi are `expKernel`'s. The rest of the reduction
    /// is one product and two subtractions: r = (xh - k c_hi) - (k (c_mid + c_lo) - xl), where
    /// c_mid + c_lo rounds once (by ≤ 2^-100, so ≤ 2^-77.9 over |k| < 2^22.1), its product by k
    /// and the subtraction of xl (|k (c_mid + c_lo)| + |xl| < 2^-24.39) round by ≤ 2^-77.39
    /// each (the latter is exact for xl = 0, and vanishes from the code), the outer subtraction
    /// by ≤ 2^-67 (|r| < 2^-13.5), and ln 2/4096's tail beyond three parts is ≤ 2^-109:
    /// |r - (xh + xl - k ln2/4096)| ≤ 2^-66.98.
    /// e^r = 1 + r + s + ε with s = r² (1/2 + r (c3 + r c4)), |ε| ≤ 1.001 r⁵/120 ≤ 2^-74.5, and
    /// s, below 2^-27.9, rounded three times and by its coefficients: ≤ 2^-79.3.
    /// T = th + tl as in `expKernel` (within 2^-102.9 T, |tl| ≤ 2^-50.7). T (1 + r + s) is
    /// th + (tl + (th r + (th s + tl r))), dropping tl s (≤ 2^-78.6): th r rounds by ≤ 2^-66.5 th,
    /// th s + tl r by ≤ 2^-79.8 th, and the two outer sums (each below 2^-13.47 th) by ≤ 2^-66.49 th
    /// each. In all ≤ 2^-66.98 + 3 × 2^-66.49 + 2^-74 ≤ 2^-64.55 th, which is ≤ 2^-64.5 of the
    /// value (≥ th (1 - 2^-13.4)). The callers' Ziv tests use 2^-63 high or more: their own rounding of low ± error (≤ 2^-53 × 2^-13.47
    /// high) leaves more than the bound.
    @inline(__always)
    static func expQuickKernel(_ xh: Double, _ xl: Double) -> (high: Double, low: Double, exponent: Int) {
        let (kd, k) = DoubleDouble.roundedToIntegers(xh * expInverseStep)
        let r = (xh - kd * expStepHigh) - (kd * (expStepMiddle + expStepLow) - xl)
        let (c3, c4, _) = expCoefficients
        let s = (r * r) * (0.5 + r * (c3 + r * c4))

        let (t1h, t1l, t1hh, t1hl) = expTable1[(k >> 6) & 63]
        let (t2h, t2l, t2hh, t2hl) = expTable2[k & 63]
        let (th, tl0) = DoubleDouble.twoProduct(t1h, halves: (t1hh, t1hl), t2h, halves: (t2hh, t2hl))
        let tl = tl0 + (t1l * t2h + t1h * t2l)
        let low = tl + (th * r + (th * s + tl * r))
        return (th, low, k >> 12)
    }
}
