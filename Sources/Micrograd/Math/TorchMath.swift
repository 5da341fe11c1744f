#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The four functions where the engine cannot reproduce PyTorch's float64 CPU results bit for
/// bit, and what it computes instead.
///
/// PyTorch's x86-64 Linux wheels (the pinned reference torch included) send float64 `exp`,
/// `log`, `tanh` and `sqrt` to Intel MKL's vector math library (`vmdExp`, `vmdLn`, `vmdTanh`,
/// `vmdSqrt` through `at::vml`), even for a single element. SLEEF's kernels are only the
/// fallback of builds without MKL. MKL's kernels are closed source and its licence forbids
/// disassembling them, and they are not correctly rounded, so no open implementation matches
/// them. These entry points use the C library (and the correctly rounded square root) instead;
/// measured against the pinned torch on this project's reference machine (see the README's
/// tolerance table):
///
/// | function | differs from torch on | by at most |
/// |----------|-----------------------|------------|
/// | `exp`    | ~0.4% of inputs       | 1 ulp      |
/// | `log`    | ~0.3% of inputs       | 1 ulp      |
/// | `tanh`   | ~14% of inputs        | 2 ulp      |
/// | `sqrt`   | ~1.2% of inputs       | 1 ulp      |
///
/// Everything else the engine computes (arithmetic, `pow` with other exponents through the C
/// library as torch does, `sigmoid`, `relu`, every backward formula) is bit-identical.
public enum TorchMath {
    /// `torch.exp` on a float64 CPU tensor (C library `exp`; torch uses MKL `vmdExp`).
    @inlinable public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    /// `torch.log` on a float64 CPU tensor (C library `log`; torch uses MKL `vmdLn`).
    @inlinable public static func log(_ x: Double) -> Double { Glibc.log(x) }
    /// `torch.tanh` on a float64 CPU tensor (C library `tanh`; torch uses MKL `vmdTanh`).
    @inlinable public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    /// `torch.sqrt` on a float64 CPU tensor (correctly rounded; torch uses MKL `vmdSqrt`).
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
