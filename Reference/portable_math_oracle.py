"""Writes the reference set of the correctly rounded functions (PortableMath): inputs and the
binary64 nearest to the exact value, computed with mpmath at 320 bits and rounded once
(Reference/binary64.py). `swift test` compares every entry at 0 ulp.

    python3 Reference/portable_math_oracle.py OUT --count N --seed S [--functions exp,log]

Each function gets: its special values and thresholds, the hard cases below, and N random
inputs (half uniform in bit pattern over the whole domain, half uniform over the function's
useful range), drawn from random.Random(S). Lines: `function xhex result` (`function xhex yhex
result` for pow), hex = the 16 digits of the bit pattern. The checked-in set is
Reference/portable_math/reference.txt (--count 3000 --seed 1); .ci/run writes a large one
(--count 1000000 --seed 2 --functions exp,log,tanh,pow: sin and cos, defined for |x| <= 2^20
for the datasets and computed by the slow path alone, are in the checked-in set only).

Hard cases. An input is hard when its exact value lies very close to a rounding boundary (a
midpoint between two doubles). Families with known closeness are listed: exp(±2^-k) and its
neighbours (1 + x + x²/2 sits within 2^-55 ulp of a midpoint near k = 53), log(1 ± n 2^-52)
(likewise), tanh near 2^-27 and its switch points, the over/underflow edges; for pow the exact
results and midpoints (x³ of 54 bits, 3^5 2^-1075 in the subnormals) and squares within about
2^-53 ulp of a midpoint (x² ≡ 2^52 + 1 mod 2^53, by Hensel lifting). The inputs found by a
search (within 2^-50 ulp, log 2^-26) are in Reference/portable_math/hard_cases.txt, written by
Reference/portable_math_hard_cases.py; this script prints the hardest distance found among the
inputs it evaluated.
"""

import argparse
import math
import random
import struct
import sys
from pathlib import Path

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from binary64 import hex_bits, round_mpf, round_scaled  # noqa: E402

PRECISION = 320
mp.prec = PRECISION


def from_bits(b: int) -> float:
    return struct.unpack(">d", b.to_bytes(8, "big"))[0]


def neighbours(x: float, n: int = 3):
    out = [x]
    up = down = x
    for _ in range(n):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        out += [up, down]
    return out


class Hardest:
    """The smallest distance (in ulps) between an exact value and a rounding boundary seen."""

    def __init__(self):
        self.distance = {}

    def note(self, name, v, rounded):
        if rounded == 0 or math.isinf(rounded):
            return
        ulp = mpf(math.ulp(rounded))
        # the boundary nearest to v: rounded ± ulp/2 (the ulp below a power of 2 is half)
        below = mpf(math.ulp(math.nextafter(abs(rounded), 0)))
        d = min(abs(abs(v) - (abs(mpf(rounded)) + ulp / 2)) / ulp, abs(abs(v) - (abs(mpf(rounded)) - below / 2)) / below)
        if d < mpf(2) ** -200:
            raise SystemExit(f"{name}: exact value within 2^-200 ulp of a boundary; not decidable at {PRECISION} bits")
        if name not in self.distance or d < self.distance[name][0]:
            self.distance[name] = (d, v)


HARDEST = Hardest()


def rounded(name, v) -> float:
    r = round_mpf(v)
    HARDEST.note(name, v, r)
    return r


def ref_exp(x: float) -> float:
    if math.isnan(x):
        return math.nan
    if x == 0:
        return 1.0
    if x > 710:
        return math.inf
    if x < -746:
        return 0.0
    return rounded("exp", mpmath.exp(mpf(x)))


def ref_log(x: float) -> float:
    if math.isnan(x) or x < 0:
        return math.nan
    if x == 0:
        return -math.inf
    if math.isinf(x):
        return math.inf
    if x == 1:
        return 0.0
    return rounded("log", mpmath.log(mpf(x)))


def ref_tanh(x: float) -> float:
    if math.isnan(x):
        return math.nan
    if x == 0:
        return x
    if abs(x) > 40:
        return math.copysign(1.0, x)
    return rounded("tanh", mpmath.tanh(mpf(x)))


def ref_sin(x: float) -> float:
    if not math.isfinite(x):
        return math.nan
    if x == 0:
        return x
    return rounded("sin", mpmath.sin(mpf(x)))


def ref_cos(x: float) -> float:
    if not math.isfinite(x):
        return math.nan
    if x == 0:
        return 1.0
    return rounded("cos", mpmath.cos(mpf(x)))


def trig_specials():
    """sin and cos (defined for |x| <= 2^20): zeros, the 2^-27 threshold, the doubles nearest
    to multiples of pi/2 (where one of them is tiny), 2^20."""
    xs = [0.0, -0.0, math.nan, math.inf, -math.inf, 2.0 ** 20, -(2.0 ** 20), 2 * math.pi, math.pi]
    xs += [y for e in (2.0 ** -27, 2.0 ** -26, -(2.0 ** -27)) for y in neighbours(e, 2)]
    xs += [y for k in list(range(1, 40)) + [2 ** 19, 2 ** 20 - 1, 667544]
           for y in neighbours(float(k * mpmath.pi / 2), 2)
           if abs(y) <= 2.0 ** 20]
    return xs


def trig_random(rng, n):
    kind = n % 3
    if kind == 0:
        return rng.uniform(0, 2 * math.pi)
    if kind == 1:
        return rng.uniform(-(2.0 ** 20), 2.0 ** 20)
    return rng.choice((1, -1)) * 2.0 ** rng.uniform(-27, 20)


def is_integer(y: float) -> bool:
    return math.isfinite(y) and y == math.floor(y)


def is_odd(y: float) -> bool:
    return is_integer(y) and abs(y) < 2.0 ** 53 and int(y) % 2 == 1


def exact_power(a: float, y: float):
    """(mantissa, exponent) with a^y = mantissa 2^exponent when a^y is a dyadic rational with a
    moderate numerator, else None (a > 0 finite, y finite nonzero)."""
    num, den = a.as_integer_ratio()              # den is a power of 2
    m, e = num, -(den.bit_length() - 1)
    while m % 2 == 0:
        m //= 2
        e += 1
    yn, yd = y.as_integer_ratio()                # yd = 2^j
    j = yd.bit_length() - 1
    if abs(y) > 5000:
        return None
    root = m
    for _ in range(j):
        s = math.isqrt(root)
        if s * s != root:
            return None
        root = s
    if e % (1 << j):
        return None
    e >>= j
    if root == 1:
        return 1, e * yn
    if yn < 0:
        return None
    return root ** yn, e * yn


def ref_pow(x: float, y: float) -> float:
    """C Annex F's special cases, then the exact dyadic value or e^(y log|x|) at 320 bits."""
    if y == 0 or x == 1:
        return 1.0
    if math.isnan(x) or math.isnan(y):
        return math.nan
    if math.isinf(y):
        if x == -1:
            return 1.0
        return math.inf if (abs(x) < 1) == (y < 0) else 0.0
    if x == 0:
        if y < 0:
            return math.copysign(math.inf, x) if is_odd(y) else math.inf
        return x if is_odd(y) else 0.0
    if math.isinf(x):
        if x > 0:
            return 0.0 if y < 0 else math.inf
        if y < 0:
            return -0.0 if is_odd(y) else 0.0
        return -math.inf if is_odd(y) else math.inf
    if x < 0 and not is_integer(y):
        return math.nan
    negate = x < 0 and is_odd(y)
    a = abs(x)
    exact = exact_power(a, y)
    if exact is not None:
        r = round_scaled(False, *exact)
    else:
        t = mpf(y) * mpmath.log(mpf(a))
        r = math.inf if t > 710 else 0.0 if t < -746 else rounded("pow", mpmath.exp(t))
    return -r if negate else r


FUNCTIONS = {"exp": ref_exp, "log": ref_log, "tanh": ref_tanh, "pow": ref_pow, "sin": ref_sin, "cos": ref_cos}


def hensel_square_root(c: int, bits: int) -> int:
    """An odd x with x² ≡ c (mod 2^bits), for c ≡ 1 (mod 8)."""
    x = 1
    for k in range(3, bits):
        if (x * x - c) % (1 << (k + 1)):
            x += 1 << (k - 1)
    return x % (1 << bits)


def pow_specials():
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 5e-324,
          1.7976931348623157e308, -1.7976931348623157e308, 1 + 2.0 ** -52, 1 - 2.0 ** -53, 0.1, -0.1, 10.0]
    ys = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, 1.5, -1.5,
          2.0 ** 53 - 1, -(2.0 ** 53 - 1), 2.0 ** 53, 2.0 ** 60, -(2.0 ** 60), 5e-324, -5e-324, 1e300, 0.25, 7.0]
    pairs = [(x, y) for x in xs for y in ys]
    exact = [(4.0, 0.5), (2.0, 10.0), (0.25, -1.5), (16.0, 0.25), (81.0, 0.25), (9.0, 1.5), (6561.0, 0.125),
             (5e-324, 0.5), (2.0 ** -1024, 2.0 ** -10), (2.0, -1074.0), (2.0, -1075.0), (0.5, 1075.0),
             (2.0, 1023.0), (2.0, 1024.0), (3.0, 34.0), (3.0, 35.0), (3.0, 40.0), (3.0, 600.0),
             (3.0 * 2.0 ** -215, 5.0), (3.0 * 2.0 ** -43, 25.0), (-3.0 * 2.0 ** -215, 5.0), (2.0 ** 26 + 1, 2.0),
             (2.0 ** 27 + 1, 2.0), (10.0, 22.0), (10.0, 23.0), (10.0, -1.0), (3.0, -1.0), (2.0, 0.5), (1e-300, 2.0)]
    # odd x with x³ of exactly 54 bits: x³ is a midpoint between two doubles
    midpoints = [(float(v * s), 3.0) for v in (208001, 230001, 250001, 262143) for s in (1, -1, 2.0 ** -30, 2.0 ** 40)]
    # x² within about 2^-53 ulp of a midpoint: x² ≡ 2^52 + 1 (mod 2^53) by Hensel lifting
    r = hensel_square_root(2 ** 52 + 1, 53)
    near = [(float(((r + t * 2 ** 52) % 2 ** 53) | 2 ** 52) * 2.0 ** k, 2.0) for t in range(2) for k in (-52, 0, -300)]
    near += [(float((2 ** 53 - r) % 2 ** 53 | 2 ** 52) * 2.0 ** -52, 2.0)]
    return pairs + exact + midpoints + near


def pow_random(rng, n):
    kind = n % 4
    if kind == 0:
        return from_bits(rng.getrandbits(64)), from_bits(rng.getrandbits(64))
    if kind == 1:   # any positive x, y with y log x in the finite range
        x = from_bits(rng.getrandbits(63))
        if not math.isfinite(x) or x == 0 or x == 1:
            return 2.0, 0.5
        return x, rng.uniform(-745, 709) / math.log(x)
    if kind == 2:
        return rng.uniform(0, 4), rng.uniform(-10, 10)
    return rng.uniform(-10, 10), float(rng.randint(-60, 60))


def specials(name):
    common = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
              -2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, 2.0]
    if name == "exp":
        edges = [709.782712893384, -708.3964185322641, -745.1332191019411, -745.1332191019412, 709.79, -708.39,
                 -745.14, 2.0 ** -54, -2.0 ** -54, 2.0 ** -53, -2.0 ** -53, 1e-300]
        hard = [s * 2.0 ** -k for k in range(20, 80) for s in (1, -1)]
        return common + [y for e in edges + hard for y in neighbours(e, 2)]
    if name == "log":
        edges = [1.0, 2.0, 0.5, math.sqrt(2), math.sqrt(0.5), 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
        hard = [1 + n * 2.0 ** -52 for n in range(1, 40)] + [1 - n * 2.0 ** -53 for n in range(1, 40)]
        hard += [1 + 2.0 ** -k for k in range(8, 52)] + [1 - 2.0 ** -k for k in range(8, 53)]
        return common + [y for e in edges for y in neighbours(e, 4)] + hard
    edges = [2.0 ** -27, 2.0 ** -5, 19.1, 19.06, 22.0, 2.0 ** -26]
    hard = [s * 2.0 ** -k for k in range(5, 60) for s in (1, -1)]
    return common + [y for e in edges for s in (1, -1) for y in neighbours(s * e, 3)] + hard


def useful(name, rng):
    if name == "exp":
        return rng.uniform(-745.2, 709.8)
    if name == "log":
        return rng.uniform(0.25, 4.0) if rng.random() < 0.5 else 2.0 ** rng.uniform(-1074, 1024)
    return rng.uniform(-20, 20) if rng.random() < 0.7 else rng.uniform(-0.05, 0.05)


def inputs(name, count, rng):
    if name == "pow":
        return pow_specials() + [pow_random(rng, n) for n in range(count)]
    if name in ("sin", "cos"):
        return trig_specials() + [trig_random(rng, n) for n in range(count)]
    xs = specials(name)
    for n in range(count):
        if n % 2 == 0:
            xs.append(from_bits(rng.getrandbits(64)))
        else:
            x = useful(name, rng)
            xs.append(x if math.isfinite(x) else 1.0)
    return xs


def entries(task):
    """The lines of one function's set, and the hardest distance seen (log2 ulps)."""
    name, count, seed = task
    rng = random.Random(f"{seed}-{name}")
    lines = []
    for x in inputs(name, count, rng):
        if name == "pow":
            lines.append(f"pow {hex_bits(x[0])} {hex_bits(x[1])} {hex_bits(ref_pow(*x))}\n")
        else:
            lines.append(f"{name} {hex_bits(x)} {hex_bits(FUNCTIONS[name](x))}\n")
    hardest = HARDEST.distance.get(name)
    return name, lines, None if hardest is None else float(mpmath.log(hardest[0], 2))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--functions", default=",".join(FUNCTIONS))
    parser.add_argument("--jobs", type=int, default=1, help="processes (one function each)")
    args = parser.parse_args()
    names = args.functions.split(",")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tasks = [(name, args.count, args.seed) for name in names]
    if args.jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(entries, tasks)
    else:
        results = [entries(task) for task in tasks]
    tmp = out.with_suffix(".partial")
    with tmp.open("w") as f:
        f.write(f"# python3 Reference/portable_math_oracle.py {args.out} --count {args.count} --seed {args.seed}"
                f" --functions {args.functions}\n")
        f.write(f"# mpmath {mpmath.__version__} at {PRECISION} bits, each value rounded once to binary64 (ties to even)\n")
        for _, lines, _ in results:
            f.writelines(lines)
        for name, _, hardest in results:
            if hardest is not None:
                f.write(f"# hardest {name} input: exact value 2^{hardest:.1f} ulp from a rounding boundary\n")
                print(f"{name}: hardest input's exact value is 2^{hardest:.1f} ulp from a rounding boundary", file=sys.stderr)
    tmp.rename(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
