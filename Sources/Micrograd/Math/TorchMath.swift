/// The elementary functions exactly as PyTorch's float64 CPU kernels compute them.
///
/// PyTorch evaluates `exp`, `log` and `tanh` on float64 CPU tensors with SLEEF's vectorised
/// 1-ulp kernels (`Vectorized<double>::exp()` → `Sleef_expd4_u10`, `log()` → `Sleef_logd4_u10`,
/// `tanh()` → `Sleef_tanhd4_u10`), and a single element (a 0-dim tensor) takes the same path.
/// Those kernels differ from the C library by 1–2 ulp on a small fraction of inputs, so these
/// entry points carry scalar ports of them instead: each mirrors, operation for operation, the
/// AVX2 build that runs on an AVX2+FMA CPU (fused multiply-adds where SLEEF's `vmla`/`vfma`
/// are FMA instructions, the `ENABLE_FMA_DP` double-double arithmetic), and returns results
/// bit-identical to torch's, special values included.
///
/// On a CPU where torch picks its AVX-512 kernels instead, torch's own `log` takes a different
/// SLEEF branch (`vgetexp`/`vgetmant`), so parity there is not guaranteed by construction.
public enum TorchMath {
    /// `torch.exp` on a float64 CPU tensor: SLEEF `xexp` (u10) as in `Sleef_expd4_u10avx2`.
    ///
    /// Returns `+inf` above 709.78271114955742909217217426, `+0` below -1000, and propagates NaN.
    @inlinable public static func exp(_ x: Double) -> Double { Sleef.exp(x) }

    /// `torch.log` on a float64 CPU tensor: SLEEF `xlog_u1` (u10) as in `Sleef_logd4_u10avx2`.
    ///
    /// Returns `-inf` for `±0`, `+inf` for `+inf`, and a positive quiet NaN for negative
    /// numbers (including `-inf`) and for NaN.
    @inlinable public static func log(_ x: Double) -> Double { Sleef.log(x) }

    /// `torch.tanh` on a float64 CPU tensor: SLEEF `xtanh` (u10) as in `Sleef_tanhd4_u10avx2`.
    ///
    /// Returns `±1` for `|x| > 18.714973875`, keeps the sign of `±0`, and maps NaN to the
    /// all-ones NaN bit pattern SLEEF produces.
    @inlinable public static func tanh(_ x: Double) -> Double { Sleef.tanh(x) }
}
