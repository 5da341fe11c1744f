"""Case programs: their format, their validation, and their evaluation with PyTorch.

A case is ``{"name": str, "steps": [step, ...]}``. Steps are numbered from 0 in order; each
defines one node (SSA), and the last step is the root on which ``backward()`` is called.

* ``{"op": "leaf", "value": H}`` — a float64 leaf with ``requires_grad=True``.
* ``{"op": O, "args": [i]}`` for O in neg, exp, log, tanh, relu, sigmoid — ``-x``, ``x.exp()``…
* ``{"op": O, "args": [i, j]}`` for O in add, sub, mul, div — ``x + y``, ``x - y``…
* ``{"op": O, "args": [i], "const": H, "constFirst": false}`` for O in add, sub, mul, div —
  ``x + c`` with ``c`` a Python float.
* ``{"op": O, "args": [i], "const": H, "constFirst": true}`` for O in add, sub, mul, rdiv —
  ``c + x``, ``c - x``, ``c * x``, ``c / x`` (``c / x`` is its own op, rdiv).
* ``{"op": "pow", "args": [i], "exponent": H}`` — ``x ** e`` with ``e`` a Python float.

``H`` is a float in the text form of ``parity_format`` and operand indices refer to earlier
steps. ``torch_eval.py`` runs a program with PyTorch.
"""

from parity_format import float_of

UNARY = ("neg", "exp", "log", "tanh", "relu", "sigmoid")
BINARY = ("add", "sub", "mul", "div")
CONST_FIRST = ("add", "sub", "mul", "rdiv")
OPS = ("leaf",) + BINARY + ("rdiv", "pow") + UNARY


def validate(case: dict) -> None:
    """Raises ``ValueError`` naming the case, step and field if ``case`` is malformed."""
    name = case.get("name")
    if not isinstance(name, str) or not name or not name.isascii():
        raise ValueError(f"case {name!r}: 'name' must be a non-empty ASCII string")
    if set(case) != {"name", "steps"}:
        raise ValueError(f"case {name}: keys must be name and steps, not {sorted(case)}")
    steps = case["steps"]
    if not isinstance(steps, list) or not steps:
        raise ValueError(f"case {name}: 'steps' must be a non-empty list")
    for index, step in enumerate(steps):
        try:
            _validate_step(step, index)
        except ValueError as error:
            raise ValueError(f"case {name}, step {index}: {error}") from None


def _validate_step(step: dict, index: int) -> None:
    op = step.get("op")
    if op not in OPS:
        raise ValueError(f"unknown op {op!r}")
    if op == "leaf":
        expected = {"op", "value"}
    elif op == "pow":
        expected = {"op", "args", "exponent"}
    elif "const" in step or op == "rdiv":
        expected = {"op", "args", "const", "constFirst"}
    else:
        expected = {"op", "args"}
    if set(step) != expected:
        raise ValueError(f"{op} takes keys {sorted(expected)}, not {sorted(step)}")
    for key in ("value", "const", "exponent"):
        if key in step:
            float_of(step[key])
    if op == "leaf":
        return
    args = step["args"]
    arity = 2 if op in BINARY and "const" not in step else 1
    if not isinstance(args, list) or len(args) != arity:
        raise ValueError(f"'args' must list {arity} operand(s)")
    for a in args:
        if type(a) is not int or not 0 <= a < index:
            raise ValueError(f"operand {a!r} is not an earlier step")
    if "constFirst" in step:
        first = step["constFirst"]
        if type(first) is not bool:
            raise ValueError("'constFirst' must be true or false")
        if first and op not in CONST_FIRST:
            raise ValueError(f"{op} cannot take its constant first (c / x is op rdiv)")
        if not first and op not in BINARY:
            raise ValueError(f"{op} takes its constant first")
