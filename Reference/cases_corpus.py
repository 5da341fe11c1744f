"""The ``corpus`` family: seeded random programs, deterministic for a given seed.

Every program has 20–200 operations drawn from all of them, with operands chosen to reuse
nodes heavily (recent nodes, already-used nodes, ``x op x``). An approximate forward pass in
plain Python steers the choices so values stay mostly finite, while edge values (zeros, tiny,
huge, infinities, NaN) are mixed into leaves and constants now and then. At the end, the
nodes nobody consumed are summed into the root, except one in twenty and most non-finite ones,
left unreached with their exclusive ancestors (torch: grad ``None``).
"""

import math
import random
from functools import partial

from program_builder import Program

SEED = 20_240_601
PROGRAMS = 1_000
EDGE_VALUES = [0.0, -0.0, 1e-300, -1e-300, 5e-324, 1e300, -1e300, math.inf, -math.inf, math.nan]
NICE_CONSTANTS = [1.0, -1.0, 2.0, 0.5, 3.0, 10.0, 0.1]
SPECIAL_EXPONENTS = [2.0, 3.0, -1.0, -2.0, 0.5, -0.5, 0.0, 1.0]
UNARY = ["neg", "exp", "log", "tanh", "relu", "sigmoid"]
BINARY = ["add", "sub", "mul", "div"]
KINDS = UNARY + BINARY + ["const", "rdiv", "pow"]


def _approx(op: str, x: float, y: float = 0.0) -> float:
    """The forward value in plain Python floats, close enough to steer the generator."""
    try:
        if op == "neg": return -x
        if op == "exp": return math.exp(x)
        if op == "log": return math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)
        if op == "tanh": return math.tanh(x)
        if op == "relu": return x if not x < 0 else 0.0
        if op == "sigmoid": return 0.0 if x < -700 else 1 / (1 + math.exp(-x))
        if op == "add": return x + y
        if op == "sub": return x - y
        if op == "mul": return x * y
        if op == "div": return x / y
        if op == "pow": return math.pow(x, y)
    except OverflowError:
        return math.inf
    except (ValueError, ZeroDivisionError):
        return math.nan
    raise AssertionError(op)


def _acceptable(rng: random.Random, value: float) -> bool:
    if math.isnan(value) or math.isinf(value):
        return rng.random() < 0.03
    if abs(value) > 1e15:
        return rng.random() < 0.2
    return True


class _Generator:
    def __init__(self, index: int):
        self.rng = random.Random(SEED * 7919 + index)
        self.p = Program(f"corpus/{index:04d}")
        self.approx = []
        self.uses = []

    def leaf_value(self) -> float:
        rng = self.rng
        if rng.random() < 0.04:
            return rng.choice(EDGE_VALUES)
        return rng.uniform(-3, 3)

    def constant(self) -> float:
        rng = self.rng
        r = rng.random()
        if r < 0.03:
            return rng.choice(EDGE_VALUES)
        if r < 0.4:
            return rng.choice(NICE_CONSTANTS)
        return rng.uniform(-4, 4)

    def exponent(self) -> float:
        rng = self.rng
        r = rng.random()
        if r < 0.6:
            return rng.choice(SPECIAL_EXPONENTS)
        if r < 0.8:
            return float(rng.randint(-4, 6))
        return round(rng.uniform(-3, 3), 2)

    def operand(self) -> int:
        """A node index, biased towards recent and already-used nodes (reuse), and towards
        unused ones while there are many of them, so most nodes end up below the root."""
        rng, n = self.rng, len(self.approx)
        unused = [i for i in range(n) if self.uses[i] == 0]
        r = rng.random()
        if len(unused) > 4 and r < 0.7:
            return rng.choice(unused)
        if r < 0.5:
            return rng.randrange(max(0, n - 6), n)
        if r < 0.8:
            used = [i for i in range(max(0, n - 40), n) if self.uses[i] > 0]
            if used:
                return rng.choice(used)
        return rng.randrange(n)

    def push(self, value: float, operands: list) -> None:
        for a in operands:
            self.uses[a] += 1
        self.approx.append(value)
        self.uses.append(0)

    def random_op(self) -> None:
        """Appends one random operation, retrying a few times to avoid non-finite values."""
        rng, p = self.rng, self.p
        for _ in range(12):
            kind, x = rng.choice(KINDS), self.operand()
            vx = self.approx[x]
            if kind in UNARY:
                value, make = _approx(kind, vx), partial(p.unary, kind, x)
            elif kind in BINARY:
                y = x if rng.random() < 0.15 else self.operand()
                value, make = _approx(kind, vx, self.approx[y]), partial(p.binary, kind, x, y)
            elif kind == "pow":
                e = self.exponent()
                value, make = _approx("pow", vx, e), partial(p.pow, x, e)
            else:
                op = "rdiv" if kind == "rdiv" else rng.choice(BINARY)
                c, first = self.constant(), op == "rdiv" or rng.random() < 0.5
                if op == "div" and first:
                    op = "rdiv"
                if first:
                    value = _approx("div" if op == "rdiv" else op, c, vx)
                else:
                    value = _approx(op, vx, c)
                make = partial(p.const, op, c, x, first)
            if _acceptable(rng, value):
                break
        make()
        self.push(value, p.steps[-1]["args"])

    def program(self) -> dict:
        rng = self.rng
        for _ in range(rng.randint(1, 8)):
            v = self.leaf_value()
            self.p.leaf(v)
            self.push(v, [])
        # Stop when the operations so far plus those summing up the unused nodes reach the
        # target; at least 20 either way.
        operations, done = rng.randint(20, 200), 0
        while done < 20 or done + self.uses.count(0) - 1 < operations:
            self.random_op()
            done += 1
        last = len(self.approx) - 1
        unused = [i for i in range(last) if self.uses[i] == 0 and rng.random() < 0.95
                  and _acceptable(rng, self.approx[i])]
        root = last
        for i in reversed(unused):
            value = _approx("add", self.approx[root], self.approx[i])
            new_root = self.p.binary("add", root, i)
            self.push(value, [root, i])
            root = new_root
        return self.p.case()


def corpus_cases() -> list:
    return [_Generator(i).program() for i in range(PROGRAMS)]
