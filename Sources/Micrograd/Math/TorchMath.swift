/// The elementary functions of the engine, the one seam through which it computes them: each
/// is the entry of the same name of the chosen ``MathLibrary`` (``MathLibrary/current``).
///
/// PyTorch's x86-64 Linux wheels (the pinned reference torch included) send float64 `exp`,
/// `log`, `tanh` and `sqrt` to Intel MKL's vector math library (`vmdExp`, `vmdLn`, `vmdTanh`,
/// `vmdSqrt` through `at::vml`), even for a single element; `pow` with a general exponent and
/// `sigmoid`'s exponential are the C library's. With ``MathLibrary/default`` (``PortableMath``,
/// correctly rounded) each differs from torch where torch's function is not correctly rounded,
/// on a small fraction of inputs (``TorchDeviation``); with torch's own kernels (`MicrogradTorch`'s
/// `TorchKernels`) every result is torch's.
///
/// While no library was chosen anywhere, each call is the default's function inlined after one
/// relaxed atomic load.
public enum TorchMath {
    /// `torch.exp` on a float64 CPU tensor.
    @inlinable public static func exp(_ x: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.exp(x) : MathSelection.exp(x)
    }

    /// `torch.log` on a float64 CPU tensor.
    @inlinable public static func log(_ x: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.log(x) : MathSelection.log(x)
    }

    /// `torch.tanh` on a float64 CPU tensor.
    @inlinable public static func tanh(_ x: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.tanh(x) : MathSelection.tanh(x)
    }

    /// `torch.sqrt` on a float64 CPU tensor.
    @inlinable public static func sqrt(_ x: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.sqrt(x) : MathSelection.sqrt(x)
    }

    /// `std::pow(x, e)`, as torch's `pow` kernel calls it for an exponent without a special case.
    @inlinable public static func pow(_ x: Double, _ e: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.pow(x, e) : MathSelection.pow(x, e)
    }

    /// `std::exp(x)`, as torch's scalar loops (`sigmoid`'s) call it.
    @inlinable public static func scalarExp(_ x: Double) -> Double {
        MathSelection.isDefault ? DefaultMath.scalarExp(x) : MathSelection.scalarExp(x)
    }
}
