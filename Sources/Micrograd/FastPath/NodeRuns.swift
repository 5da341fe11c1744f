extension NodeColumns {
    /// Writes nodes `i ..< i + count` as `set` does: node `i + j` is `op` with value
    /// `values[j]` and operands `a + j * aStep`, `b + j * bStep` (a layer's sums or
    /// activations). Four nodes at a time, each field with one or two wide stores.
    @inline(__always)
    func setRun(
        _ i: Int, count: Int, _ op: Op, values: UnsafePointer<Double>,
        a: Int32, aStep: Int32, b: Int32, bStep: Int32
    ) {
        let steps = SIMD4<Int32>(0, 1, 2, 3)
        let fourOps = UInt32(op.rawValue) &* 0x0101_0101
        var j = 0
        while j + 4 <= count {
            let at = i &+ j, offset = Int32(truncatingIfNeeded: j)
            UnsafeMutableRawPointer(data + at).storeBytes(
                of: UnsafeRawPointer(values + j).loadUnaligned(as: SIMD4<Double>.self), as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(grad + at).storeBytes(of: SIMD4<Double>(repeating: -0.0), as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(hasGrad + at).storeBytes(of: UInt32(0), as: UInt32.self)
            UnsafeMutableRawPointer(ops + at).storeBytes(of: fourOps, as: UInt32.self)
            UnsafeMutableRawPointer(lhs + at).storeBytes(
                of: SIMD4(repeating: a &+ offset &* aStep) &+ steps &* aStep, as: SIMD4<Int32>.self)
            UnsafeMutableRawPointer(rhs + at).storeBytes(
                of: SIMD4(repeating: b &+ offset &* bStep) &+ steps &* bStep, as: SIMD4<Int32>.self)
            j &+= 4
        }
        while j < count {
            let offset = Int32(truncatingIfNeeded: j)
            set(i &+ j, op, values[j], a &+ offset &* aStep, b &+ offset &* bStep)
            j &+= 1
        }
    }
}
