extension PortableMath {
    /// log a as high + low for positive finite a (normal or subnormal), with
    /// |high + low - log a| ≤ 2^-67.65 |log a| and |low| ≤ 2^-17.29 |log a|: the logarithm of
    /// `powQuick`, in plain binary64 but for exact products of short halves. log 1 = 0 exactly.
    /// `knownNormal` leaves out the subnormal case.
    ///
    /// The reduction is `logKernel`'s (a = 2^e m, bucket i, m' = m or m/2 with e' = e or e + 1,
    /// r_i, z = m' r_i - 1 exact, |z| ≤ 2^-7.956), with z formed from halves that square
    /// exactly: mh is m' rounded (half up) to 20 fractional bits (21 for m/2; 21 significant bits),
    /// zh = mh r_i - 1 is exact (mh r_i has at most 30 bits and is within 2^-6 of 1) and a
    /// multiple of 2^-28 (2^-29) below 2^-7.955, so it has at most 22 bits and zh² is exact;
    /// zl = (m' - mh) r_i is exact (at most 32 + 9 bits) with |zl| ≤ 2^-21; z = zh + zl exactly.
    /// For r_i = 1 (buckets 0 and 255), zh = 0 unless |z| ≥ 2^-22 (half a unit of mh), so there
    /// |zh| ≤ 2 |z|, and zl = z when zh = 0.
    ///
    /// log a = e' ln2 - log r_i + z - z²/2 + z³ g(z), g(z) = 1/3 - z/4 + … = c3 + c4 z + … + c9 z⁶
    /// plus the tail of log1p beyond z⁹, with z² = zh² + zl (zh + z) exactly. The high part is
    /// ((e' ln2_hi + lh) + z) - zh²/2: bh = e' ln2_hi + lh is exact (multiples of 2^-42 below
    /// 2^10; |e'| < 2^11), and the two FastTwoSums are exact, so their errors e2, e3 are exact:
    /// |bh| ≥ 0.34 > |z| unless e' = 0, where bh = lh, and either |lh| exceeds the bucket's
    /// largest |z| by at least 2^-14.7 (the table script checks 2^-16) or lh = 0 (r_i = 1); the
    /// sum s then has |s| ≥ 2^-16 > zh²/2 (≤ 2^-16.9), or s = z with zh²/2 ≤ 2 z² < |z|.
    ///
    /// Error analysis, with L = |log a|. The low part is (e2 + (e3 + (ll + e' ln2_lo))) + p,
    /// p = (z² z) g - zl (zh + z)/2, with g = c3 + z ((c4 + c5 z) + z² ((c6 + c7 z) + z² (c8 + c9 z)))
    /// (a shorter chain of dependent operations than Horner's).
    /// - e' ≠ 0 (L ≥ 0.34): |p| ≤ 2^-25.3 and |ll + e' ln2_lo| ≤ 2^-33.9, so each rounding in the
    ///   low part is ≤ 2^-78.3 absolutely, (z² z) g's error (below) ≤ 2^-76.2, e' ln2_lo's and
    ///   the two-part errors of the table (2^-97) and ln 2 ≤ 2^-87: in all below 2^-73 L;
    ///   |low| ≤ 2^-25.2 ≤ 2^-23.6 L.
    /// - e' = 0: L ≥ 2^-9, |z| ≤ 1.003 L, and over the buckets |z|³/3 ≤ 2^-17.58 L (the buckets
    ///   with r_i ≠ 1: 2^-17.61; r_i = 1: |z| < 2^-8, L ≥ (1 - 2^-9) |z|). g is within
    ///   1.51 × 2^-53 relatively (its last addition; c3's rounding, 2^-54 of it; z times the
    ///   rest, below 2^-8.3 of it and within 4 × 2^-53 itself), and z², z² z and the product add
    ///   three roundings, with |g| ≤ 1.01/3: (z² z) g is within 4.52 × 2^-53 × 1.01 × 2^-17.58 L
    ///   ≤ 2^-68.38 L.
    ///   |zl (zh + z)/2| ≤ 2^-19.9 L (for r_i ≠ 1, ≤ 2^-22 × 2^-6.95 with L ≥ 2^-9; for r_i = 1,
    ///   ≤ 1.5 × 2^-21 |z|, or z²/2 < 2^-22 |z| when zh = 0), with two roundings: ≤ 2^-71.9 L.
    ///   |p| ≤ 2^-17.3 L, so p's subtraction and the final addition round by ≤ 2^-70.3 L each;
    ///   the two sums before it (terms below 2^-52.5, and |ll| ≤ 2^-43) by ≤ 2^-85.9 L.
    ///   The tail beyond z⁹ is ≤ 1.01 |z|¹⁰/10 ≤ 2^-74.9 L; the table's two parts are within
    ///   2^-97 ≤ 2^-88 L (exact where r_i = 1).
    ///   In all ≤ 2^-68.38 L (1 + 2^-3.52 + 2^-0.92 + 2^-6.52) + 2^-85.5 L ≤ 2^-67.67 L, and
    ///   |low| ≤ |p| + 2^-42.9 ≤ 2^-17.29 L.
    @inline(__always)
    static func powLogKernel(_ a: Double, knownNormal: Bool) -> (high: Double, low: Double) {
        let (e, mBits, i) = logBucket(a, knownNormal: knownNormal)
        let m = Double(bitPattern: mBits)
        let mh = Double(bitPattern: (mBits + (1 << 31)) & ~0xFFFF_FFFF)
        let (r, lh, ll) = logTable[i]
        let zh = mh * r - 1
        let zl = (m - mh) * r
        let z = zh + zl
        let ed = Double(e)
        let (s, e2) = DoubleDouble.fastTwoSum(ed * ln2High + lh, z)
        let (high, e3) = DoubleDouble.fastTwoSum(s, -0.5 * (zh * zh))
        let (c3, c4, c5, c6, c7, c8, c9, _) = log1pCoefficients
        let z2 = z * z
        let g = c3 + z * ((c4 + z * c5) + z2 * ((c6 + z * c7) + z2 * (c8 + z * c9)))
        let p = (z2 * z) * g - 0.5 * (zl * (zh + z))
        return (high, (e2 + (e3 + (ll + ed * ln2Low))) + p)
    }
}
