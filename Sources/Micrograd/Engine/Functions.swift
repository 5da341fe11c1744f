/// The elementary functions of micrograd (and the lecture), computed as torch does.
extension Value {
    /// `self` raised to a constant exponent (torch's `pow(Tensor, Scalar)`).
    @inlinable @inline(__always) public consuming func pow(_ exponent: Double) -> Value {
        Value.recordWithConstant(.pow, self, exponent) { TorchKernels.pow($0, exponent) }
    }

    /// `e^self`.
    @inlinable @inline(__always) public consuming func exp() -> Value { Value.recordUnary(.exp, self) { TorchMath.exp($0) } }

    /// The natural logarithm of `self` (`log(0) = -inf`, `log(x < 0) = NaN`).
    @inlinable @inline(__always) public consuming func log() -> Value { Value.recordUnary(.log, self) { TorchMath.log($0) } }

    /// The hyperbolic tangent of `self`.
    @inlinable @inline(__always) public consuming func tanh() -> Value { Value.recordUnary(.tanh, self) { TorchMath.tanh($0) } }

    /// `max(self, 0)`, passing NaN and -0.0 through as torch does.
    @inlinable @inline(__always) public consuming func relu() -> Value { Value.recordUnary(.relu, self) { TorchKernels.relu($0) } }

    /// The logistic function `1 / (1 + e^-self)`.
    @inlinable @inline(__always) public consuming func sigmoid() -> Value { Value.recordUnary(.sigmoid, self) { TorchKernels.sigmoid($0) } }
}
