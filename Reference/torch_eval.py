"""Evaluates a case program (see ``programs.py``) with PyTorch, as the goldens record it.

The Python expressions are exactly micrograd's operators applied to 0-dim float64 tensors
(``x + c``, ``c - x``, ``c / x``, ``x ** e`` with Python floats ``c`` and ``e``), so torch picks
the kernels and autograd formulas it would for a micrograd program run on tensors.
"""

import operator
import warnings

from parity_format import float_of
from programs import UNARY

warnings.filterwarnings("ignore")  # "Failed to initialize NumPy" (numpy is not needed)
import torch  # noqa: E402

_INFIX = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv,
          "rdiv": operator.truediv}


def evaluate(steps: list) -> tuple:
    """Runs a program on 0-dim float64 tensors in step order and calls ``backward()`` on the
    last node. Returns ``(values, grads, pow_factors)``: every node's forward value, its
    ``.grad`` (``None`` where backward never reached it), and for each ``x ** e`` step with
    ``e != 0`` the factor torch's backward multiplies the incoming gradient by,
    ``e * x.pow(e - 1)`` (``pow_backward`` in torch's ``FunctionsManual.cpp``), by step index."""
    nodes = []
    for step in steps:
        node = _apply(step, nodes)
        if not node.is_leaf:
            node.retain_grad()
        nodes.append(node)
    nodes[-1].backward()
    values = [node.item() for node in nodes]
    grads = [None if node.grad is None else node.grad.item() for node in nodes]
    pow_factors = {}
    for i, step in enumerate(steps):
        if step["op"] == "pow" and float_of(step["exponent"]) != 0:
            e = float_of(step["exponent"])
            with torch.no_grad():
                pow_factors[i] = (e * nodes[step["args"][0]].detach().pow(e - 1)).item()
    return values, grads, pow_factors


def _apply(step: dict, nodes: list):
    op = step["op"]
    if op == "leaf":
        return torch.tensor(float_of(step["value"]), dtype=torch.float64, requires_grad=True)
    x = nodes[step["args"][0]]
    if op in UNARY:
        return -x if op == "neg" else getattr(x, op)()
    if op == "pow":
        return x ** float_of(step["exponent"])
    infix = _INFIX[op]
    if "const" in step:
        c = float_of(step["const"])
        return infix(c, x) if step["constFirst"] else infix(x, c)
    return infix(x, nodes[step["args"][1]])
