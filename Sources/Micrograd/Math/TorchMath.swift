#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elementary functions where the engine asks for PyTorch's float64 CPU results.
///
/// PyTorch's x86-64 builds with MKL (the Linux wheels, including the pinned reference torch)
/// compute float64 `exp`, `log` and `tanh` with Intel MKL VML (`vmdExp`, `vmdLn`, `vmdTanh` in
/// `VML_HA` mode, via `at::vml`), and a single element (a 0-dim tensor) takes the same path.
/// SLEEF's `Vectorized<double>` kernels are only the fallback for builds without MKL.
/// MKL's kernels are closed source, so these entry points wrap the C library instead. They
/// differ from torch by 1 ulp on a small fraction of inputs (exp, log), and by up to 2 ulp on
/// a larger share for `tanh`.
public enum TorchMath {
    /// `torch.exp` on a float64 CPU tensor (C library `exp`; torch uses MKL `vmdExp`).
    @inlinable public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    /// `torch.log` on a float64 CPU tensor (C library `log`; torch uses MKL `vmdLn`).
    @inlinable public static func log(_ x: Double) -> Double { Glibc.log(x) }
    /// `torch.tanh` on a float64 CPU tensor (C library `tanh`; torch uses MKL `vmdTanh`).
    @inlinable public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
}
