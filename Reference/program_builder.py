"""A small builder for case programs (see ``programs.py`` for the format)."""

from parity_format import hex_of


class Program:
    """Appends steps and returns their indices, so programs read like the Python they mirror:
    ``c = p.add(a, b)``, ``d = p.const("mul", 3.0, c, first=True)`` for ``3 * c``."""

    def __init__(self, name: str):
        self.name = name
        self.steps = []

    def _push(self, step: dict) -> int:
        self.steps.append(step)
        return len(self.steps) - 1

    def leaf(self, value: float) -> int:
        return self._push({"op": "leaf", "value": hex_of(value)})

    def unary(self, op: str, x: int) -> int:
        return self._push({"op": op, "args": [x]})

    def binary(self, op: str, x: int, y: int) -> int:
        return self._push({"op": op, "args": [x, y]})

    def const(self, op: str, c: float, x: int, first: bool) -> int:
        """``c op x`` when ``first``, else ``x op c`` (``rdiv`` is always ``c / x``)."""
        return self._push({"op": op, "args": [x], "const": hex_of(c), "constFirst": first})

    def pow(self, x: int, exponent: float) -> int:
        return self._push({"op": "pow", "args": [x], "exponent": hex_of(exponent)})

    # Shorthands for hand-written programs.
    def add(self, x, y): return self.binary("add", x, y)
    def sub(self, x, y): return self.binary("sub", x, y)
    def mul(self, x, y): return self.binary("mul", x, y)
    def div(self, x, y): return self.binary("div", x, y)

    def case(self) -> dict:
        return {"name": self.name, "steps": self.steps}
