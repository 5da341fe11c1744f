extension PortableMath {
    /// log x as high + low for positive finite x (normal or subnormal), with |high + low - log x|
    /// below 2^-67.5 |log x| (2^-75 |log x| when `accurate`, for `pow`) and |low| ≤ ulp(high).
    ///
    /// x = 2^e m with m in [1, 2); bucket i = m's top 8 fraction bits; buckets from
    /// `logUpperBucket` on take m/2 and e + 1, so that m' (m or m/2) is in [0.707, 1.415) and x
    /// near 1 has e = 0 and r = 1. log x = e ln2 - log r_i + log1p(z), z = m' r_i - 1, exact
    /// (m' r_i is a multiple of 2^-60, or 2^-61 for m/2, and |z| < 2^-7, or 2^-8: at most 53
    /// bits; the table script checks both bounds; it is formed below without a fused
    /// multiply-add). log1p(z) = z - z²/2 + t, t = z³ (c3 + c4 z + … + c10 z⁷): z - z²/2 is
    /// carried exactly (TwoProduct, FastTwoSum), and t is added to its high part exactly
    /// (FastTwoSum, |t| < |z|/3).
    ///
    /// Error analysis. |log x| ≥ 2^-9 unless e = 0 and r = 1 (buckets 0 and 255, where
    /// log x = log1p(z) with |z| ≤ 2^-8); in the upper buckets |z| < 2^-8, in the lower ones
    /// |z| ≤ 2^-7.956 with |log x| ≥ 2^-8.01. The series' tail beyond z¹⁰ is ≤ 1.01 |z|¹¹/11:
    /// ≤ 2^-82 relatively.
    /// - t in binary64 (`log`): rounded at z²'s high part, z³, the Horner sum (relative
    ///   ≤ 2^-53 (1 + 2^-6), inner terms and coefficients below 2^-58) and the product:
    ///   ≤ 4.05 × 2^-53 |t| with |t| ≤ 1.01 |z|³/3, i.e. ≤ 2^-68.5 relatively for r = 1 and
    ///   ≤ 2^-76.6 / 2^-9 = 2^-67.6 (upper) or 2^-76.4 / 2^-8.01 = 2^-68.4 (lower) otherwise.
    /// - `accurate`: c3 z³ in double-double (z³ = (wh + wl) z by TwoProduct, c3 = 1/3 in two
    ///   parts; its roundings are below 2^-100 relatively) and z⁴ (c4 + … + c10 z⁶) in binary64
    ///   (|·| ≤ 1.01 z⁴/4 ≤ 2^-33.8, four roundings: ≤ 2^-84.8 absolutely, 2^-76 relatively;
    ///   its rounded coefficients add 2^-78): ≤ 2^-75.1.
    /// The rest is below 2^-85 relatively: e ln2_hi + lh is exact (multiples of 2^-42 below
    /// 2^10: ln2_hi has 42 bits, and the table script puts lh on its grid), e ln2_lo rounds by
    /// ≤ 2^-87 while |log x| ≥ 0.34 for e ≠ 0, the table's two parts are within 2^-97 (and
    /// exact where r_i = 1, so ≤ 2^-88 |log x|), ln 2's within 2^-98 |e|, the TwoSums are exact,
    /// and the three roundings of the low parts (below 2^-42.5 |log x| for e ≠ 0, and
    /// 2^-43 + 2^-50 |log x| for e = 0) add ≤ 2^-85.4 |log x|. Totals: 2^-67.5 and 2^-75; the Ziv tests use 2^-66 (`log`) and
    /// 2^-74 |y log x| (`pow`).
    @inline(__always)
    static func logKernel(_ x: Double, accurate: Bool) -> (high: Double, low: Double) {
        let (ed, z, lh, ll) = logReduction(x, knownNormal: false)
        let (wh, wl) = DoubleDouble.twoProduct(z, z)
        let (sh, sl) = DoubleDouble.fastTwoSum(z, -0.5 * wh)
        let (c3, c4, c5, c6, c7, c8, c9, c10) = log1pCoefficients
        let t: Double, tLow: Double
        if accurate {
            let (z3h, z3l0) = DoubleDouble.twoProduct(wh, z)
            let z3l = z3l0 + wl * z
            let (c3h, c3l) = log1pC3
            let (ah, al) = DoubleDouble.twoProduct(c3h, z3h)
            let rest = (z3h * z) * (c4 + z * (c5 + z * (c6 + z * (c7 + z * (c8 + z * (c9 + z * c10))))))
            t = ah
            tLow = al + (c3h * z3l + c3l * z3h) + rest
        } else {
            t = (wh * z) * (c3 + z * (c4 + z * (c5 + z * (c6 + z * (c7 + z * (c8 + z * (c9 + z * c10)))))))
            tLow = 0
        }
        let (uh, ul) = DoubleDouble.fastTwoSum(sh, t)
        let low = ((sl - 0.5 * wl) + ul) + tLow
        let bh = ed * ln2High + lh
        let bl = ll + ed * ln2Low
        let (ch, cl0) = DoubleDouble.twoSum(bh, uh)
        return DoubleDouble.fastTwoSum(ch, cl0 + (bl + low))
    }

    /// The bucket of positive finite x (see `logKernel`): x = 2^e m' with m' = m or m/2 as the
    /// bit pattern mBits, and the bucket i. `knownNormal` leaves out the subnormal case.
    @inline(__always)
    static func logBucket(_ x: Double, knownNormal: Bool) -> (e: Int, mBits: UInt64, i: Int) {
        var bits = x.bitPattern
        var e = Int(bits >> 52) - 1023
        if !knownNormal && e == -1023 { // subnormal: x × 2^52 is normal and exact
            bits = (x * 0x1p52).bitPattern
            e = Int(bits >> 52) - 1023 - 52
        }
        let i = Int((bits >> 44) & 255)
        var mBits = (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000
        if i >= logUpperBucket {
            mBits -= 1 << 52
            e += 1
        }
        return (e, mBits, i)
    }

    /// The reduction of positive finite x (see `logKernel`): e as a double, z = m' r_i - 1
    /// exactly, and -log r_i as lh + ll. `knownNormal` leaves out the subnormal case.
    @inline(__always)
    static func logReduction(_ x: Double, knownNormal: Bool) -> (e: Double, z: Double, lh: Double, ll: Double) {
        let (e, mBits, i) = logBucket(x, knownNormal: knownNormal)
        let m = Double(bitPattern: mBits)
        let (r, lh, ll) = logTable[i]
        // z = m r - 1 exactly without a fused multiply-add: m = mh + ml with mh of at most 44
        // significant bits, so mh r (r has at most 9) and ml r are exact, mh r - 1 is exact
        // (Sterbenz: mh r is within 2^-6 of 1), and their sum z is a double (see above).
        let mh = Double(bitPattern: mBits & ~0x1FF)
        return (Double(e), (mh * r - 1) + (m - mh) * r, lh, ll)
    }

    /// log x and whether the slow path decided it. One integer comparison on the bit pattern
    /// sends positive normal x to the two stages (`logPositive`); the rest go to `logSpecial`.
    static func logEvaluated(_ x: Double) -> (value: Double, slow: Bool) {
        if x.bitPattern &- 0x0010_0000_0000_0000 < 0x7FE0_0000_0000_0000 { return logPositive(x, knownNormal: true) }
        return logSpecial(x)
    }

    /// log x for x zero, negative, subnormal or not finite.
    @inline(never)
    static func logSpecial(_ x: Double) -> (value: Double, slow: Bool) {
        if x > 0 && x < .infinity { return logPositive(x, knownNormal: false) }
        if x == 0 { return (-.infinity, false) }
        if x == .infinity { return (x, false) }
        return (x.isNaN ? x + x : .nan, false) // x < 0: no real logarithm
    }

    /// log x for positive finite x: `logQuickKernel`, then `logAccurate`.
    @inline(__always)
    static func logPositive(_ x: Double, knownNormal: Bool) -> (value: Double, slow: Bool) {
        let (high, low, error) = logQuickKernel(x, knownNormal: knownNormal)
        if let rounded = DoubleDouble.roundedIfDecided(high, low, error: error) { return (rounded, false) }
        return logAccurate(x)
    }

    /// log x for positive finite x when `logQuickKernel` left it undecided: `logKernel`, then
    /// the slow path.
    @inline(never)
    static func logAccurate(_ x: Double) -> (value: Double, slow: Bool) {
        if (x - 1).magnitude <= 0x1p-36 { return (logNearOne(x), false) }
        let (high, low) = logKernel(x, accurate: false)
        if let rounded = DoubleDouble.roundedIfDecided(high, low, error: 0x1p-66 * high.magnitude) {
            return (rounded, false)
        }
        return (logSlow(x), true)
    }

    /// log x for |x - 1| ≤ 2^-36, rounded exactly (no error bound involved). Such x are where
    /// log x can lie within 2^-53 ulp of a midpoint (log(1 - 2^-52) = -2^-52 - 2^-105 - …, a
    /// midpoint less 2^-156/3), beyond any double-double Ziv test.
    ///
    /// z = x - 1 is exact and a multiple of 2^-53 (2^-52 for x ≥ 1), n 2^-53 with |n| ≤ 2^17,
    /// so z² = n² 2^-106 is exact (n² < 2^53), and S = z - z²/2 = sh + sl exactly (FastTwoSum).
    /// log x = S + t with t = z³/3 - z⁴/4 + … of z's sign and |t| ≤ 1.01 |z|³/3 < 2^-109.6.
    /// S and every midpoint near it (|log x| > 2^-53, so half-ulps are at least 2^-106) are
    /// multiples of 2^-107, so S is either a midpoint, and then t's sign decides, or at least
    /// 2^-107 > |t| away from every midpoint, and then log x rounds as S does: to sh + sl.
    static func logNearOne(_ x: Double) -> Double {
        let z = x - 1
        let (sh, sl) = DoubleDouble.fastTwoSum(z, -0.5 * (z * z))
        let neighbour = sl > 0 ? sh.nextUp : sh.nextDown
        if sl != 0 && 2 * sl == neighbour - sh { return (sl > 0) == (z > 0) ? neighbour : sh }
        return sh + sl
    }

    /// log x rounded from wide arithmetic (Ziv's loop over `Wide.precisions`), for positive
    /// finite x. log 1 = 0 is its only exact value (Lindemann), answered directly.
    static func logSlow(_ x: Double) -> Double {
        if x == 1 { return 0 }
        for fraction in Wide.precisions {
            let (value, error) = Wide.log(x, fraction: fraction)
            if let rounded = value.roundedIfDecided(error: error, scale: 0) { return rounded }
        }
        preconditionFailure("PortableMath.log(\(x)): undecided at \(Wide.precisions.last! * 64) bits")
    }
}
