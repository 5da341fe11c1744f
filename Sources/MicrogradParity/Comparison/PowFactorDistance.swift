/// How far the engine's `x ** e` backward formula is from torch's, measured where the two can
/// differ: on the power `x.pow(e - 1)` inside `g * (e * x.pow(e - 1))`.
///
/// The goldens record torch's factor `k = e * x.pow(e - 1)` (one rounding). A power that differs
/// from the engine's by one ulp (torch's `sqrt` for `e == 1.5`) can move `k` by two ulps, and
/// the gradient `g * k` by more, so the factor and the gradient would overstate the cause. The
/// distance is instead the number of ulps the engine's power must move to give torch's factor
/// exactly: 0 when the engine's factor is torch's; when no power within `search` ulps gives it,
/// the distance between the two factors (at least `search + 1`).
enum PowFactorDistance {
    /// Powers this many ulps from the engine's either way are tried.
    static let search = 8

    static func distance(power: Double, exponent e: Double, torchFactor k: Double) -> UlpDistance {
        let engineFactor = e * power
        if engineFactor.bitPattern == k.bitPattern || (engineFactor.isNaN && k.isNaN) { return .zero }
        guard power.isFinite, k.isFinite else { return UlpDistance(k, engineFactor) }
        var below = power, above = power
        for steps in 1...search {
            below = below.nextDown
            above = above.nextUp
            if (e * below).bitPattern == k.bitPattern || (e * above).bitPattern == k.bitPattern {
                return UlpDistance(steps: UInt64(steps))
            }
        }
        return max(UlpDistance(k, engineFactor), UlpDistance(steps: UInt64(search + 1)))
    }
}
