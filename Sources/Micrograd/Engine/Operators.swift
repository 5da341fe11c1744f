/// Arithmetic on values, with a `Double` allowed on either side, as in micrograd.
///
/// Each operator rounds once, like torch's float64 kernels. A `Double` operand is recorded as a
/// ``Op/constant`` child (micrograd wraps it in a `Value`; torch passes it as a scalar).
extension Value {
    /// `a + b`.
    @inlinable @inline(__always) public static func + (a: consuming Value, b: consuming Value) -> Value {
        recordBinary(.add, a, b) { $0 + $1 }
    }
    /// `a + c`.
    @inlinable @inline(__always) public static func + (a: consuming Value, c: Double) -> Value { recordWithConstant(.add, a, c) { $0 + c } }
    /// `c + a`, computed as torch does, as `a + c`.
    @inlinable @inline(__always) public static func + (c: Double, a: consuming Value) -> Value { recordWithConstant(.add, a, c) { $0 + c } }

    /// `a - b`.
    @inlinable @inline(__always) public static func - (a: consuming Value, b: consuming Value) -> Value {
        recordBinary(.sub, a, b) { $0 - $1 }
    }
    /// `a - c`.
    @inlinable @inline(__always) public static func - (a: consuming Value, c: Double) -> Value { recordWithConstant(.sub, a, c) { $0 - c } }
    /// `c - a` (torch's `rsub`).
    @inlinable @inline(__always) public static func - (c: Double, a: consuming Value) -> Value {
        recordWithConstant(.sub, a, c, constantFirst: true) { c - $0 }
    }

    /// `a * b`.
    @inlinable @inline(__always) public static func * (a: consuming Value, b: consuming Value) -> Value {
        recordBinary(.mul, a, b) { $0 * $1 }
    }
    /// `a * c`.
    @inlinable @inline(__always) public static func * (a: consuming Value, c: Double) -> Value { recordWithConstant(.mul, a, c) { $0 * c } }
    /// `c * a`, computed as torch does, as `a * c`.
    @inlinable @inline(__always) public static func * (c: Double, a: consuming Value) -> Value { recordWithConstant(.mul, a, c) { $0 * c } }

    /// `a / b`: a true division, as torch computes it.
    @inlinable @inline(__always) public static func / (a: consuming Value, b: consuming Value) -> Value {
        recordBinary(.div, a, b) { $0 / $1 }
    }
    /// `a / c`.
    @inlinable @inline(__always) public static func / (a: consuming Value, c: Double) -> Value { recordWithConstant(.div, a, c) { $0 / c } }
    /// `c / a`: torch computes `a.reciprocal() * c`.
    @inlinable @inline(__always) public static func / (c: Double, a: consuming Value) -> Value {
        recordWithConstant(.rdiv, a, c) { TorchKernels.rdiv($0, c) }
    }

    /// `-a`.
    @inlinable @inline(__always) public static prefix func - (a: consuming Value) -> Value { recordUnary(.neg, a) { -$0 } }

    /// `a = a + b`: a new node, as in micrograd (`+=` does not modify nodes in place).
    @inlinable public static func += (a: inout Value, b: Value) { a = (consume a) + b }
    /// `a = a + c`.
    @inlinable public static func += (a: inout Value, c: Double) { a = (consume a) + c }
    /// `a = a - b`.
    @inlinable public static func -= (a: inout Value, b: Value) { a = (consume a) - b }
    /// `a = a - c`.
    @inlinable public static func -= (a: inout Value, c: Double) { a = (consume a) - c }
    /// `a = a * b`.
    @inlinable public static func *= (a: inout Value, b: Value) { a = (consume a) * b }
    /// `a = a * c`.
    @inlinable public static func *= (a: inout Value, c: Double) { a = (consume a) * c }
    /// `a = a / b`.
    @inlinable public static func /= (a: inout Value, b: Value) { a = (consume a) / b }
    /// `a = a / c`.
    @inlinable public static func /= (a: inout Value, c: Double) { a = (consume a) / c }
}

infix operator ** : MultiplicationPrecedence

extension Value {
    /// `x ** e`, the same as ``pow(_:)``.
    @inlinable public static func ** (x: Value, e: Double) -> Value { x.pow(e) }
}
