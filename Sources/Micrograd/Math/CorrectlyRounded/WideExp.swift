extension Wide {
    /// Precisions of Ziv's loop in the slow paths, in limbs after the point: 256, 512 and 960
    /// bits. (Error bounds are carried in `Double`s of units, which 960 bits keeps in range.)
    static let precisions = [4, 8, 15]

    /// e^t ≈ value × 2^scale with |value - e^t 2^-scale| ≤ error units, where t is within
    /// `tError` units of the exact argument and |t| < 1100; value is in [0.7, 1.42].
    ///
    /// t = k ln2 + r with |r| ≤ 0.35 (k from a double approximation); r/2^10 by Taylor's series
    /// (each term truncated twice, the tail after the first zero term below 4 units), then ten
    /// squarings, each adding 2 value × error + error² + 1. The error of r (k units from ln 2's
    /// truncation, plus tError) is carried through the same steps.
    static func exp(_ t: Wide, error tError: Double) -> (value: Wide, scale: Int, error: Double) {
        let f = t.fraction
        let unit = Double(sign: .plus, exponent: -64 * f, significand: 1)
        let k = Int(DoubleDouble.roundedToInteger(t.approximation / 0x1.62e42fefa39efp-1))
        let kLn2 = Wide.ln2(fraction: f).multiplied(by: UInt64(k.magnitude))
        let r = k >= 0 ? t - kLn2 : t + kLn2
        let squarings = 10
        let small = r.shiftedRight(squarings)
        let smallError = (tError + Double(k.magnitude)) / Double(1 << squarings) + 1

        var sum = Wide(integer: 1, fraction: f)
        var term = sum
        var n: UInt64 = 1
        var terms = 0.0
        while true {
            term = (term * small).divided(by: n)
            if term.isZero { break }
            sum = sum + term
            terms += 1
            n += 1
        }
        // Each term's own truncations stay below 2.01 units (they shrink by |small| ≤ 2^-11 per
        // term), the tail is below 4 units, and small's error moves e^small by 1.001 × it.
        var value = sum
        var error = 2.01 * terms + 4 + 1.001 * smallError
        for _ in 0..<squarings {
            let magnitude = value.approximation.magnitude * (1 + 0x1p-40)
            value = value * value
            error = 2 * magnitude * error + (error * unit) * error + 1
        }
        return (value, k, error * (1 + 0x1p-40))
    }
}
