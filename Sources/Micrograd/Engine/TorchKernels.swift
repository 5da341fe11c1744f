/// Forward and backward formulas of every operation, written to round exactly as PyTorch's
/// float64 CPU kernels and `derivatives.yaml` do. This file is the single place where the
/// engine's arithmetic lives; the parity suite holds each line to 0 ulp against torch.
@usableFromInline
enum TorchKernels {
    // MARK: Forward

    /// `torch.relu` is `clamp_min(x, 0)`: NaN and -0.0 pass through unchanged.
    @inlinable static func relu(_ x: Double) -> Double { x < 0 ? 0 : x }

    /// `torch.sigmoid`: a single element takes the kernel's scalar loop, `1 / (1 + std::exp(-x))`
    /// with the C library's `exp` (the vectorised loop, for longer tensors, uses SLEEF's; and
    /// `torch.exp` itself uses MKL's, so this is deliberately ``TorchMath/scalarExp(_:)``, not
    /// ``TorchMath/exp(_:)``).
    @inlinable static func sigmoid(_ x: Double) -> Double { 1 / (1 + TorchMath.scalarExp(-x)) }

    /// `c / x` for a Python scalar `c`: torch runs `x.reciprocal() * c`.
    @inlinable static func rdiv(_ x: Double, _ c: Double) -> Double { (1 / x) * c }

    /// `torch.pow(x, e)` for a Python-scalar exponent. `pow_Tensor_Scalar_out` fills 1 for
    /// `e == 0` and copies `x` for `e == 1`; the float64 kernel then sends `0.5` to `sqrt` (see
    /// `TorchMath.sqrt`), `-0.5` to `rsqrt` (`1 / std::sqrt(x)`), `-1` to `reciprocal`,
    /// computes `2`, `3`, `-2` as `x * x`, `x * x * x`, `1 / (x * x)`, and every other exponent
    /// with the C library's `std::pow`. A single element takes the scalar form of each.
    @inlinable static func pow(_ x: Double, _ e: Double) -> Double {
        switch e {
        case 0: 1
        case 1: x
        case 0.5: TorchMath.sqrt(x)
        case -0.5: 1 / x.squareRoot()
        case -1: 1 / x
        case 2: x * x
        case 3: x * x * x
        case -2: 1 / (x * x)
        default: TorchMath.pow(x, e)
        }
    }

    /// Whether ``pow(_:_:)`` computes `x ** e` without the C library's `pow` (one of its cases
    /// above).
    @usableFromInline static func hasShortcut(_ e: Double) -> Bool {
        [0, 1, 0.5, -0.5, -1, 2, 3, -2].contains(e)
    }

    // MARK: Backward (g is the incoming gradient, y the node's output)

    /// `tanh_backward`: `g * (1 - y*y)` with the product fused (one rounding).
    @inlinable static func tanhBackward(_ g: Double, _ y: Double) -> Double { g * (1.0).addingProduct(-y, y) }

    /// `sigmoid_backward`: `g * (1 - y) * y`.
    @inlinable static func sigmoidBackward(_ g: Double, _ y: Double) -> Double { (g * (1 - y)) * y }

    /// `threshold_backward(g, y, 0)`: the gradient passes where the output is positive (or NaN).
    @inlinable static func reluBackward(_ g: Double, _ y: Double) -> Double { y <= 0 ? 0 : g }

    /// `div` with respect to the divisor: `-g * ((a / b) / b)`.
    @inlinable static func divisorBackward(_ g: Double, _ a: Double, _ b: Double) -> Double { -g * ((a / b) / b) }

    /// `reciprocal(x) * c` with respect to `x`: `-(g * c) * (r * r)` with `r = 1 / x`.
    @inlinable static func rdivBackward(_ g: Double, _ x: Double, _ c: Double) -> Double {
        let r = 1 / x
        return -(g * c) * (r * r)
    }

    /// `pow_backward`: `g * (e * x.pow(e - 1))`, each product one rounding, with `x.pow(e - 1)`
    /// torch's own ``pow(_:_:)`` (so its special exponents apply again: `e == 1.5` takes MKL's
    /// `sqrt`, `e == 2` copies `x`, `e == 1` fills 1); `e == 0` gives zeros, even for NaN or
    /// infinite `g` and `x`.
    @inlinable static func powBackward(_ g: Double, _ x: Double, _ e: Double) -> Double {
        e == 0 ? 0 : g * (e * pow(x, e - 1))
    }
}
