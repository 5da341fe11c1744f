/// Error-free transformations of binary64 (Dekker, Knuth, and the fused multiply-add): the
/// building blocks of the fast paths, which carry a value as an unevaluated sum high + low.
enum DoubleDouble {
    /// (s, e) with s = fl(a + b) and s + e = a + b exactly (Knuth's TwoSum, any a and b).
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// (s, e) with s = fl(a + b) and s + e = a + b exactly, when |a| ≥ |b| or a = 0 (Dekker).
    @inline(__always) static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// (p, e) with p = fl(a × b) and p + e = a × b exactly (no underflow).
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// Ziv's rounding test: the double nearest to high + low if every number within `error`
    /// of it rounds to that double, else nil. Requires |low| ≤ ulp(high) and error ≥ 2^-100 |high|:
    /// the two additions are then monotonic, and low ± error rounds by at most 2^-53 |low ± error|,
    /// which the callers' bounds (at least 2^-10 larger than their proven errors) absorb.
    @inline(__always) static func roundedIfDecided(_ high: Double, _ low: Double, error: Double) -> Double? {
        let below = high + (low - error)
        let above = high + (low + error)
        return below == above ? below : nil
    }

    /// 2^e for -1022 ≤ e ≤ 1023, exactly.
    @inline(__always) static func power2(_ e: Int) -> Double {
        Double(bitPattern: UInt64(truncatingIfNeeded: e + 1023) << 52)
    }

    /// x × 2^e for a normal or overflowing result (-1022 ≤ e ≤ 1024), rounded once.
    @inline(__always) static func scaled(_ x: Double, _ e: Int) -> Double {
        e > 1023 ? x * power2(e - 1) * 2 : x * power2(e)
    }
}
