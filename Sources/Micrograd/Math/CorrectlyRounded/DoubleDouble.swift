/// Error-free transformations of binary64 (Knuth, Dekker, Veltkamp) and two roundings by
/// basic operations: the building blocks of the fast paths, which carry a value as an unevaluated sum high + low.
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

    /// (p, e) with p = fl(a × b) and p + e = a × b exactly, for |a|, |b| < 2^995 and no
    /// underflow (Dekker's product with Veltkamp's splitting). Written without the fused
    /// multiply-add, which baseline x86-64 lacks (Swift then calls the C library's `fma`): the
    /// pair is exact either way, so the bits do not depend on the instruction set.
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        let (ah, al) = split(a)
        let (bh, bl) = split(b)
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// twoProduct(a, b) with a's halves `split(a)` given (precomputed in a table).
    @inline(__always) static func twoProduct(_ a: Double, halves: (Double, Double), _ b: Double) -> (Double, Double) {
        let p = a * b
        let (ah, al) = halves
        let (bh, bl) = split(b)
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// twoProduct(a, b) with both operands' halves given.
    @inline(__always) static func twoProduct(_ a: Double, halves: (Double, Double), _ b: Double, halves bHalves: (Double, Double)) -> (
        Double, Double
    ) {
        let p = a * b
        let (ah, al) = halves
        let (bh, bl) = bHalves
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// (h, l) with h + l = a exactly, h of at most 26 and l of at most 26 significant bits.
    @inline(__always) static func split(_ a: Double) -> (Double, Double) {
        let c = 134_217_729 * a // 2^27 + 1
        let h = c - (c - a)
        return (h, a - h)
    }

    /// round(x) to the nearest integer, ties to even, for |x| < 2^51, by adding and
    /// subtracting 1.5 × 2^52 (basic operations only).
    @inline(__always) static func roundedToInteger(_ x: Double) -> Double {
        (x + 0x1.8p52) - 0x1.8p52
    }

    /// (round(x) as a double and as an integer), ties to even, for |x| < 2^51: x + 1.5 × 2^52
    /// has 2^51 + round(x) as its significand's fraction, so the integer is read from its bits
    /// (cheaper than the checked conversion `Int(Double)`).
    @inline(__always) static func roundedToIntegers(_ x: Double) -> (Double, Int) {
        let shifted = x + 0x1.8p52
        let integer = Int(truncatingIfNeeded: shifted.bitPattern & 0x000F_FFFF_FFFF_FFFF) - (1 << 51)
        return (shifted - 0x1.8p52, integer)
    }

    /// Whether the finite x is an integer (basic operations only).
    @inline(__always) static func isInteger(_ x: Double) -> Bool {
        let a = x.magnitude
        return a >= 0x1p52 || (a + 0x1p52) - 0x1p52 == a
    }

    /// Ziv's rounding test: the double nearest to high + low if every number within `error`
    /// of it rounds to that double, else nil. The outer additions are monotonic; low ± error
    /// rounds by at most 2^-53 |low ± error|, which the callers' `error` must exceed their proven
    /// bound by: with |low| ≤ ulp(high) and error ≥ 2^-100 |high| (the double-double kernels)
    /// that is at most 2^-104 |high|, absorbed by their margins of 2^-10 or more; callers with a
    /// larger |low| state it.
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
