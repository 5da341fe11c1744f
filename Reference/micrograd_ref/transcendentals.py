"""Where a run takes ``tanh``, ``exp``, ``log`` and ``sqrt`` from: torch, or correctly rounded.

These are the four functions whose results the engine cannot take from torch
(``Math/TorchMath.swift``, ``Math/TorchDeviation.swift``): torch computes them in float64 with
Intel MKL's closed-source vector math kernels, which are not correctly rounded; the engine
computes them correctly rounded (``PortableMath``). A run can be computed two ways:

- ``"torch"``: torch's own functions, the reference the engine is measured against;
- ``"portable"``: the four FORWARD values correctly rounded (``portable.py``, mpmath: what the
  engine computes, on every platform), everything else still torch: each backward formula is
  torch's own kernel on torch's own saved tensor (``tanh_backward(g, y)``, ``g * y`` for
  ``exp``, ``g / x`` for ``log``), and the optimizer is the real ``torch.optim.AdamW`` with only
  its ``Tensor.sqrt`` answered from the correctly rounded square root.

The ``"portable"`` series is what the engine must reproduce bit for bit; the difference between
the two series is the drift the deviations cause. Both kinds record which of the four functions
the run computed (``used``), so a run that computes none needs no second series.
"""

import torch
from torch.overrides import TorchFunctionMode

from . import portable

# The scalar forward functions of the non-torch kind.
_FORWARD = {
    "portable": {"tanh": portable.tanh, "exp": portable.exp, "log": portable.log, "sqrt": portable.sqrt},
}


def _scalar(value: float) -> torch.Tensor:
    return torch.tensor(value, dtype=torch.float64)


class _ScalarTanh(torch.autograd.Function):
    """A scalar ``tanh`` forward (``f``), torch's ``tanh_backward(g, y)`` backward."""

    @staticmethod
    def forward(ctx, x, f):
        y = _scalar(f(x.item()))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return torch.ops.aten.tanh_backward(g, y), None


class _ScalarExp(torch.autograd.Function):
    """A scalar ``exp`` forward (``f``), torch's ``g * y`` backward."""

    @staticmethod
    def forward(ctx, x, f):
        y = _scalar(f(x.item()))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return g * y, None


class _ScalarLog(torch.autograd.Function):
    """A scalar ``log`` forward (``f``), torch's ``g / x`` backward."""

    @staticmethod
    def forward(ctx, x, f):
        ctx.save_for_backward(x)
        return _scalar(f(x.item()))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g / x, None


class _SqrtScope(TorchFunctionMode):
    """Within it, every ``torch.sqrt`` / ``Tensor.sqrt`` is recorded in ``owner.used`` and, for
    ``portable``, answered with the correctly rounded square root of the 0-dim float64 operand;
    every other torch call
    runs unchanged."""

    def __init__(self, owner):
        super().__init__()
        self.owner = owner

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in (torch.sqrt, torch.Tensor.sqrt):
            self.owner.used.add("sqrt")
            if self.owner.name != "torch":
                (x,) = args
                if x.dim() != 0 or x.dtype != torch.float64 or kwargs:
                    raise TypeError(f"{self.owner.name} sqrt takes a 0-dim float64 tensor, got {x.dtype} {tuple(x.shape)}")
                return _scalar(_FORWARD[self.owner.name]["sqrt"](x.item()))
        return func(*args, **kwargs)


class Transcendentals:
    """The four functions of one run (``"torch"`` or ``"portable"``), with the names of those the
    run has used so far."""

    def __init__(self, name: str):
        if name not in ("torch", "portable"):
            raise ValueError(f"unknown transcendentals {name!r} (expected 'torch' or 'portable')")
        self.name = name
        self.used = set()

    def tanh(self, x):
        self.used.add("tanh")
        return torch.tanh(x) if self.name == "torch" else _ScalarTanh.apply(x, _FORWARD[self.name]["tanh"])

    def exp(self, x):
        self.used.add("exp")
        return torch.exp(x) if self.name == "torch" else _ScalarExp.apply(x, _FORWARD[self.name]["exp"])

    def log(self, x):
        self.used.add("log")
        return torch.log(x) if self.name == "torch" else _ScalarLog.apply(x, _FORWARD[self.name]["log"])

    def sqrt_scope(self) -> TorchFunctionMode:
        """A context in which torch code (the optimizer) takes its square roots from here."""
        return _SqrtScope(self)
