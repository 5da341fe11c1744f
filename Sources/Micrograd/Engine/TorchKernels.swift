#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Forward and backward formulas of every operation, written to round exactly as PyTorch's
/// float64 CPU kernels and `derivatives.yaml` do. This file is the single place where the
/// engine's arithmetic lives; the parity suite holds each line to 0 ulp against torch.
@usableFromInline
enum TorchKernels {
    // MARK: Forward

    /// `torch.relu` is `clamp_min(x, 0)`: NaN and -0.0 pass through unchanged.
    @inlinable static func relu(_ x: Double) -> Double { x < 0 ? 0 : x }

    /// `torch.sigmoid`: `1 / (1 + exp(-x))`.
    @inlinable static func sigmoid(_ x: Double) -> Double { 1 / (1 + TorchMath.exp(-x)) }

    /// `c / x` for a Python scalar `c`: torch runs `x.reciprocal() * c`.
    @inlinable static func rdiv(_ x: Double, _ c: Double) -> Double { (1 / x) * c }

    /// `torch.pow(x, e)` for a scalar exponent.
    @inlinable static func pow(_ x: Double, _ e: Double) -> Double { Glibc.pow(x, e) }

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

    /// `pow_backward`: `g * (e * x^(e-1))`, and 0 for `e == 0`.
    @inlinable static func powBackward(_ g: Double, _ x: Double, _ e: Double) -> Double {
        e == 0 ? 0 : g * (e * pow(x, e - 1))
    }
}
