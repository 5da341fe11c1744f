extension PortableMath {
    /// log x as high + low for positive finite x, with an `error` bound on
    /// |high + low - log x| that also covers Ziv's test's own rounding: the first stage of
    /// `log`, in plain binary64 after `logReduction`; `logKernel` (2^-67.5) takes what it leaves
    /// undecided. `knownNormal` leaves out the subnormal case.
    ///
    /// log x = (e ln2_hi + lh) + z + p + (ll + e ln2_lo), p = z² (-1/2 + z (c3 + … + c8 z⁵)):
    /// bh = e ln2_hi + lh is exact (both are multiples of 2^-42, the sum is below 2^10), bh + z
    /// exact as high + e1 (FastTwoSum: |bh| ≥ 0.34 > |z| for e ≠ 0; for e = 0, bh = lh, which is
    /// 0 or exceeds the bucket's largest |z|, as the table script checks).
    ///
    /// Error analysis, with |z| ≤ 2^-7.956 (`logKernel`). The series' tail beyond z⁸ is
    /// ≤ 1.01 |z|⁹/9 ≤ 2^-66.8 |z|. The bracket (within 2^-9.5 of -1/2; its last addition,
    /// the product before it and the inner terms round by ≤ 2^-53 × 0.5042, the coefficients
    /// add less) is within 1.0112 × 2^-53 relatively; with z² and the product, p is within
    /// 3.012 × 2^-53 of its value, |p| ≤ 0.5014 z² ≤ 2^-8.951 |z|: ≤ 2^-60.36 |z|. The two sums
    /// forming `low` round by ≤ 2^-53 (|p| + |e1| + |ll + e ln2_lo|) each: ≤ 2^-61.95 |z|
    /// + 2^-86.9 + 2^-106 |high| with |ll + e ln2_lo| ≤ 2^-43 + 2^-33.98; e ln2_lo and its sum
    /// with ll round by ≤ 2^-86.9 each, the table's and ln 2's two-part errors are below 2^-87, and Ziv's
    /// rounding of low ± error adds ≤ 2^-61.95 |z| + 2^-86.9 + 2^-53 error. In all
    /// ≤ 2^-59.36 |z| + 2^-84.5 (|high|, |bh| ≤ 745): `error` = 2^-59 |z| + 2^-84.
    /// Relatively that is ≤ 2^-65.7 for e ≠ 0 (|log x| ≥ 0.34) and ≤ 2^-58.9 near 1.
    @inline(__always)
    static func logQuickKernel(_ x: Double, knownNormal: Bool) -> (high: Double, low: Double, error: Double) {
        let (ed, z, lh, ll) = logReduction(x, knownNormal: knownNormal)
        let (c3, c4, c5, c6, c7, c8, _, _) = log1pCoefficients
        let p = (z * z) * (-0.5 + z * (c3 + z * (c4 + z * (c5 + z * (c6 + z * (c7 + z * c8))))))
        let (high, e1) = DoubleDouble.fastTwoSum(ed * ln2High + lh, z)
        let low = e1 + ((ll + ed * ln2Low) + p)
        return (high, low, 0x1p-59 * z.magnitude + 0x1p-84)
    }
}
