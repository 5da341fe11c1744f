/// The elementary functions of micrograd (and the lecture), computed as torch does.
extension Value {
    /// `self` raised to a constant exponent (torch's `pow(Tensor, Scalar)`).
    @inlinable public func pow(_ exponent: Double) -> Value {
        Value.recordWithConstant(.pow, self, exponent) { TorchKernels.pow($0, exponent) }
    }

    /// `e^self`.
    @inlinable public func exp() -> Value { recordUnary(.exp) { TorchMath.exp($0) } }

    /// The natural logarithm of `self` (`log(0) = -inf`, `log(x < 0) = NaN`).
    @inlinable public func log() -> Value { recordUnary(.log) { TorchMath.log($0) } }

    /// The hyperbolic tangent of `self`.
    @inlinable public func tanh() -> Value { recordUnary(.tanh) { TorchMath.tanh($0) } }

    /// `max(self, 0)`, passing NaN and -0.0 through as torch does.
    @inlinable public func relu() -> Value { recordUnary(.relu) { TorchKernels.relu($0) } }

    /// The logistic function `1 / (1 + e^-self)`.
    @inlinable public func sigmoid() -> Value { recordUnary(.sigmoid) { TorchKernels.sigmoid($0) } }
}
