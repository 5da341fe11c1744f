extension Wide {
    /// log x ≈ value with |value - log x| ≤ error units, for positive finite x.
    ///
    /// x = 2^e m with m in [0.707, 1.415) (exact); y ≈ log m by Newton's iteration
    /// y ← y + m e^-y - 1 from the fast path's double-double, whose error is taken as 2^-50
    /// (far above its proven 2^-67.5 × 0.35, so the slow path does not rest on that proof).
    /// For y = log m + η the exact step gives log m + (η + e^-η - 1), within η² of log m for
    /// |η| ≤ 1/2; the evaluation adds e^-y's error (times m ≤ 1.415, times 2 for a scale of 2)
    /// and three truncations. Then log x = e ln2 + y, ln 2 truncated by < 1 unit.
    static func log(_ x: Double, fraction f: Int) -> (value: Wide, error: Double) {
        var e = Int(x.exponent)
        var m = x.significand
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let wideM = Wide(m, fraction: f) // exact: m's last bit weighs at least 2^-53
        let one = Wide(integer: 1, fraction: f)
        let (high, low) = PortableMath.logKernel(m, accurate: false)
        var y = Wide(high, fraction: f) + Wide(low, fraction: f)
        let half = Double(sign: .plus, exponent: -32 * f, significand: 1) // √unit
        var error = Double(sign: .plus, exponent: 64 * f - 50, significand: 1) + 2
        while true {
            let (power, scale, powerError) = Wide.exp(-y, error: 0)
            var product = wideM * power
            var evaluationError = 1.415 * powerError + 1
            if scale >= 0 {
                product = product.shiftedLeft(scale)
                evaluationError *= Double(1 << scale)
            } else {
                product = product.shiftedRight(-scale)
                evaluationError = evaluationError / Double(1 << -scale) + 1
            }
            let next = (error * half) * (error * half) + evaluationError
            y = y + product - one
            let improved = next < error / 2
            error = next
            if !improved { break }
        }
        let eLn2 = Wide.ln2(fraction: f).multiplied(by: UInt64(e.magnitude))
        return (e >= 0 ? eLn2 + y : y - eLn2, error + Double(e.magnitude))
    }
}
