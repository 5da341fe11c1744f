extension PortableMath {
    /// sin x, correctly rounded, for |x| ≤ 2^20: the datasets' Box–Muller noise and moons
    /// (arguments in [0, 2π]). Computed in wide arithmetic only (no fast path, some
    /// microseconds per call). sin(±0) = ±0; NaN and infinities give NaN.
    static func sin(_ x: Double) -> Double { sinCos(x, cosine: false) }

    /// cos x, correctly rounded, for |x| ≤ 2^20 (see `sin`). cos(±0) = 1.
    static func cos(_ x: Double) -> Double { sinCos(x, cosine: true) }

    /// |x| ≤ 2^-27: sin x = x (1 - δ), 0 < δ < x²/6 ≤ 2^-56.6, below the distance 2^-54 |x| to
    /// the boundary next to x; cos x = 1 - δ', δ' < x²/2 ≤ 2^-55, below 1's 2^-54.
    static func sinCos(_ x: Double, cosine: Bool) -> Double {
        guard x.isFinite else { return .nan }
        precondition(x.magnitude <= 0x1p20, "PortableMath.sin/cos(\(x)): defined here for |x| ≤ 2^20")
        if x.magnitude <= 0x1p-27 { return cosine ? 1 : x }
        for fraction in Wide.precisions {
            let (value, error) = Wide.sinCos(x, cosine: cosine, fraction: fraction)
            if let rounded = value.roundedIfDecided(error: error, scale: 0) { return rounded }
        }
        preconditionFailure("PortableMath.sin/cos(\(x)): undecided at \(Wide.precisions.last! * 64) bits")
    }
}

extension Wide {
    /// π/2, truncated to `fraction` limbs (less than one unit below it).
    static func halfPi(fraction: Int) -> Wide {
        precondition(fraction <= halfPiLimbs.count, "π/2 is tabulated to \(halfPiLimbs.count) limbs")
        return Wide(limbs: halfPiLimbs.prefix(fraction).reversed() + [1])
    }

    /// sin x or cos x within `error` units, for 2^-27 < |x| ≤ 2^20 (x is then exact in Wide).
    ///
    /// x = k π/2 + r, |r| ≤ π/4 + 2^-30 (k from a double approximation), r within |k| + 1 units
    /// (π/2 truncated). sin r and cos r by Taylor's series: each term r^n/n! is the previous one
    /// times r (truncated) divided by n (truncated), so its error is at most 2 units plus 0.79
    /// of the previous term's (|r|/n ≤ 0.79): below 9.6 units; the tail after the first zero
    /// term is below 11 units; r's error moves sin and cos by at most itself.
    static func sinCos(_ x: Double, cosine: Bool, fraction f: Int) -> (value: Wide, error: Double) {
        let k = Int(DoubleDouble.roundedToInteger(x * 0x1.45f306dc9c883p-1)) // 2/π
        let kHalfPi = Wide.halfPi(fraction: f).multiplied(by: UInt64(k.magnitude))
        let wideX = Wide(x, fraction: f)
        let r = k >= 0 ? wideX - kHalfPi : wideX + kHalfPi
        var sine = Wide(integer: 0, fraction: f), cos = Wide(integer: 1, fraction: f)
        var term = cos
        var n: UInt64 = 1
        var terms = 0.0
        while true {
            term = (term * r).divided(by: n)
            if term.isZero { break }
            switch n % 4 {
            case 1: sine = sine + term
            case 2: cos = cos - term
            case 3: sine = sine - term
            default: cos = cos + term
            }
            terms += 1
            n += 1
        }
        let error = 9.6 * terms + 11 + Double(k.magnitude) + 1
        // sin(kπ/2 + r) and cos(kπ/2 + r) by the quadrant k mod 4.
        let quadrant = (k % 4 + 4) % 4
        let value: Wide
        switch (quadrant + (cosine ? 1 : 0)) % 4 {
        case 0: value = sine
        case 1: value = cos
        case 2: value = -sine
        default: value = -cos
        }
        return (value, error)
    }
}
