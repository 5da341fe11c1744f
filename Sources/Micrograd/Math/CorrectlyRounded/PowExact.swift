extension PortableMath {
    /// a^y rounded exactly when it is a dyadic rational with a numerator below 2^4096, else nil
    /// (for finite a > 0 and finite y ≠ 0).
    ///
    /// a = m 2^e with m odd. An integer y = n: a^n is dyadic iff n > 0 or m = 1. Otherwise
    /// y = n / 2^j with n odd and j ≥ 1: a^y is rational only if m is a perfect 2^j-th power s^(2^j)
    /// and 2^j divides e (a root of a dyadic rational is rational only if it is dyadic); then
    /// a^y = s^n 2^(e n / 2^j), dyadic iff n > 0 or s = 1. Those are the inputs whose exact value
    /// can be a double or a midpoint between two, which no approximation can round with
    /// certainty; every other value of a^y is decided by Ziv's loop.
    static func powExact(_ a: Double, _ y: Double) -> Double? {
        var m = a.significandBitPattern | (a.isNormal ? 1 << 52 : 0)
        var e = (a.isNormal ? Int(a.exponent) : -1022) - 52
        let zeros = m.trailingZeroBitCount
        m >>= UInt64(zeros)
        e += zeros
        guard y.magnitude < 0x1p20 else { return nil } // beyond: |y log a| > 746 unless a = 1
        var n: Int
        var root = m
        if DoubleDouble.isInteger(y) {
            n = Int(y)
        } else {
            var scaled = y
            var j = 0
            while !DoubleDouble.isInteger(scaled) {
                scaled *= 2
                j += 1
            }
            guard j < 11, e % (1 << j) == 0 else { return nil } // |e| < 2^11
            for _ in 0..<j {
                guard let s = exactSquareRoot(root) else { return nil }
                root = s
            }
            e /= 1 << j
            n = Int(scaled)
        }
        guard n > 0 || root == 1 else { return nil }
        let exponent = e * n
        guard root != 1 else {
            return Binary64.rounded(negative: false, magnitude: [1], exponent: exponent)
        }
        // root^n as a big integer (n < 2^20 and root ≥ 3: stop beyond 4096 bits).
        var power: [UInt64] = [1]
        for _ in 0..<n {
            var carry: UInt64 = 0
            for i in power.indices {
                let (high, low) = power[i].multipliedFullWidth(by: root)
                let (sum, overflow) = low.addingReportingOverflow(carry)
                power[i] = sum
                carry = high + (overflow ? 1 : 0)
            }
            if carry != 0 { power.append(carry) }
            if power.count > 64 { return nil }
        }
        return Binary64.rounded(negative: false, magnitude: power, exponent: exponent)
    }

    /// s with s² = m, if m < 2^53 is a perfect square.
    static func exactSquareRoot(_ m: UInt64) -> UInt64? {
        let guess = UInt64(Double(m).squareRoot()) // m < 2^53 is exact, its root within 1
        for s in [guess &- 1, guess, guess + 1] where s.multipliedReportingOverflow(by: s) == (m, false) {
            return s
        }
        return nil
    }
}
