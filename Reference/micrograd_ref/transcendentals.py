"""Where a run takes ``tanh``, ``exp``, ``log`` and ``sqrt`` from: torch, or the C library.

These are the four functions the engine cannot take from torch (``Math/TorchMath.swift``,
``Math/TorchDeviation.swift``): torch computes them in float64 with Intel MKL's closed-source
vector math kernels, which are not correctly rounded; the engine uses the C library's ``tanh``,
``exp`` and ``log`` and the correctly rounded square root. A run can be computed two ways:

- ``"torch"``: torch's own functions, the reference the engine is measured against;
- ``"libm"``: the four FORWARD values from Python's ``math`` (the same C library the engine
  calls; ``math.sqrt`` is correctly rounded), everything else still torch: each backward formula
  is torch's own kernel on torch's own saved tensor (``tanh_backward(g, y)``, ``g * y`` for
  ``exp``, ``g / x`` for ``log``), and the optimizer is the real ``torch.optim.AdamW`` with only
  its ``Tensor.sqrt`` answered from ``math.sqrt``.

The ``"libm"`` series is what the engine must reproduce bit for bit; the difference between the
two series is the drift the deviations cause. Both kinds record which of the four functions the
run computed (``used``), so a run that computes none needs no second series.
"""

import math

import torch
from torch.overrides import TorchFunctionMode


def _scalar(value: float) -> torch.Tensor:
    return torch.tensor(value, dtype=torch.float64)


class _LibmTanh(torch.autograd.Function):
    """``math.tanh`` forward, torch's ``tanh_backward(g, y)`` backward."""

    @staticmethod
    def forward(ctx, x):
        y = _scalar(math.tanh(x.item()))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return torch.ops.aten.tanh_backward(g, y)


class _LibmExp(torch.autograd.Function):
    """``math.exp`` forward, torch's ``g * y`` backward."""

    @staticmethod
    def forward(ctx, x):
        y = _scalar(math.exp(x.item()))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return g * y


class _LibmLog(torch.autograd.Function):
    """``math.log`` forward, torch's ``g / x`` backward."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return _scalar(math.log(x.item()))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g / x


class _SqrtScope(TorchFunctionMode):
    """Within it, every ``torch.sqrt`` / ``Tensor.sqrt`` is recorded in ``owner.used`` and, for
    ``libm``, answered with ``math.sqrt`` of the 0-dim float64 operand; every other torch call
    runs unchanged."""

    def __init__(self, owner):
        super().__init__()
        self.owner = owner

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in (torch.sqrt, torch.Tensor.sqrt):
            self.owner.used.add("sqrt")
            if self.owner.name == "libm":
                (x,) = args
                if x.dim() != 0 or x.dtype != torch.float64 or kwargs:
                    raise TypeError(f"libm sqrt takes a 0-dim float64 tensor, got {x.dtype} {tuple(x.shape)}")
                return _scalar(math.sqrt(x.item()))
        return func(*args, **kwargs)


class Transcendentals:
    """The four functions of one run (``"torch"`` or ``"libm"``), with the names of those the
    run has used so far."""

    def __init__(self, name: str):
        if name not in ("torch", "libm"):
            raise ValueError(f"unknown transcendentals {name!r} (expected 'torch' or 'libm')")
        self.name = name
        self.used = set()

    def tanh(self, x):
        self.used.add("tanh")
        return torch.tanh(x) if self.name == "torch" else _LibmTanh.apply(x)

    def exp(self, x):
        self.used.add("exp")
        return torch.exp(x) if self.name == "torch" else _LibmExp.apply(x)

    def log(self, x):
        self.used.add("log")
        return torch.log(x) if self.name == "torch" else _LibmLog.apply(x)

    def sqrt_scope(self) -> TorchFunctionMode:
        """A context in which torch code (the optimizer) takes its square roots from here."""
        return _SqrtScope(self)
