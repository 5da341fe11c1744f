"""Searches for hard cases of the correctly rounded functions (PortableMath): inputs whose exact
value lies very close to a rounding boundary (a midpoint between two doubles, for round to
nearest), and writes them with their oracle values (Reference/portable_math_oracle.py: mpmath at
320 bits, rounded once) for `swift test`, which compares each at 0 ulp.

    python3 Reference/portable_math_hard_cases.py Reference/portable_math/hard_cases.txt
    python3 Reference/portable_math_hard_cases.py --check    exit 1 if the checked-in file differs

Method (Lefèvre's linear lattice search). Consecutive doubles x_j = (M + j) 2^q, j = 0..L-1, in
one binade, whose values f(x_j) lie in one binade (ulp U), are split into intervals on which
S(j) = f(x_j) / U is linear to within delta: S(j) = S0 + S1 t + err, t = j - L/2, with
|err| <= max|f''| (2^q L/2)^2 / (2U) (f'' taken at both ends and the centre, times 1.25; on the
intervals searched f'' is monotonic and changes by far less than that). S0 and S1 come from
mpmath at 320 bits and are written as 160-bit fractions A / 2^160, B / 2^160 modulo 1 (error
below 2^-159 each, so below L 2^-158 over the interval). Every j with (A + B t) mod 2^160 within
2^160 (eps + delta + L 2^-158) of 2^159 (a midpoint) is enumerated exactly, in O(log 2^160)
steps per hit, by the classic recursion for the least x with (b x mod m) in [l, r]
(`least_multiple_in`, checked against brute force on random small cases each run). Each
candidate is then evaluated again with mpmath at 320 bits: it is listed if its exact value is
within eps of a midpoint. The linear model never decides anything; it only proposes. Nothing in
the search misses an input of an interval that is within eps (the model's error is bounded above).

What is covered, with eps (the distance is in ulps of the result):
- exp: x = ±2^-e (1 + i 2^-52) for every i, e = 40..51 (|x| in [2^-51, 2^-39)): all inputs within 2^-50 (these binades
  are linear over long intervals; x > 0 rounds between 1 and 1 + 2^-52, x < 0 below 1).
- pow: 2^y, 3^y, 10^y and 0.7^y for y = ±2^-e (1 + i 2^-52), every i, e = 42..51: all inputs
  within 2^-50; plus exact midpoints (distance 0): s^n with s odd and s^n of exactly 54 bits,
  n = 2..7, as pow(s 2^a, n), pow(s^2 2^2a, n/2), pow(s^4 2^4a, n/4), pow(s^8 2^8a, n/8) when
  the base is a double (a = 0, -30, 25), both signs for odd n, and the subnormal midpoints
  s^5 2^-1075 and s^25 2^-1075 (pow(s 2^-215, 5), pow(s 2^-43, 25)): there the exact-case
  detection, not Ziv's test, must round.
- tanh: x = ±2^-e (1 + i 2^-52), e = 23..26, by its Taylor structure instead (`tanh_crossings`):
  tanh x / ulp = m - F(m) with F increasing slowly, so the inputs near a midpoint are those next
  to the roots of F(m) = k + 1/2; every root is solved for and its neighbours evaluated: all
  inputs of these binades within 2^-50 whose result stays in x's binade.
- log: x = 2^E (1 + i 2^-52) in `LOG_INTERVALS` intervals starting at evenly spaced points of
  each of the binades E = 1000, -1000, -600 (so every table bucket is reached): within 2^-26 only. log is the hard one for this method: the input spacing is coarse against its
  curvature in every binade (intervals of about 2^18 inputs at eps = 2^-26), so a hit within
  2^-40 would take about 2^22 intervals.
Not reached: 2^-60 for exp, log and tanh. By the usual probabilistic argument an input is within
2^-60 of a midpoint with probability 2^-59, and exp has about 2^59 inputs whose result is away
from 1 and from over/underflow: the whole domain holds a handful, which only a search over all
of it finds (Lefèvre and Muller's took years of computing; no published list is used here).
Within 2^-60 here are only pow's exact midpoints. The hardest distance found per function is in
the output's header.

Runs in about 15 s on one core (it first checks its lattice enumeration against brute force).
"""

import argparse
import math
import random
import sys
import time
from pathlib import Path

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from binary64 import hex_bits, round_mpf  # noqa: E402
from portable_math_oracle import PRECISION, ref_exp, ref_log, ref_pow, ref_tanh  # noqa: E402

mp.prec = PRECISION
ROOT = Path(__file__).resolve().parent.parent
CHECKED_IN = ROOT / "Reference/portable_math/hard_cases.txt"
COMMAND = "python3 Reference/portable_math_hard_cases.py Reference/portable_math/hard_cases.txt"
FIXED = 160                      # bits of the fractions A / 2^FIXED, B / 2^FIXED
MODULUS = 1 << FIXED
LOG_INTERVALS = 2000


def least_multiple_in(b: int, m: int, lo: int, hi: int):
    """The least x >= 0 with lo <= (b x) mod m <= hi, for 0 <= lo <= hi < m; None if none."""
    b %= m
    if lo == 0:
        return 0
    if b == 0:
        return None
    x = -(-lo // b)                  # the least x with b x >= lo
    if b * x <= hi:
        return x
    # [lo, hi] lies strictly between two multiples of b: b x - m y in [lo, hi] for the least
    # y >= 1 with (m y) mod b in [(-hi) mod b, (-lo) mod b], then x = ceil((lo + m y) / b).
    y = least_multiple_in(m % b, b, (-hi) % b, (-lo) % b)
    if y is None:
        return None
    return -(-(lo + m * y) // b)


def indices_near(a: int, b: int, width: int, count: int):
    """Every j in [0, count) with (a + b j) mod MODULUS within `width` of MODULUS / 2."""
    found = []
    j = 0
    while j < count:
        start = (MODULUS // 2 - width - a - b * j) % MODULUS    # (b k) mod M must be in [start, start + 2 width]
        end = start + 2 * width
        if end < MODULUS:
            k = least_multiple_in(b, MODULUS, start, end)
        else:                        # the window wraps: the lesser of its two parts' first hits
            hits = [h for h in (least_multiple_in(b, MODULUS, start, MODULUS - 1),
                                least_multiple_in(b, MODULUS, 0, end - MODULUS)) if h is not None]
            k = min(hits) if hits else None
        if k is None or j + k >= count:
            break
        found.append(j + k)
        j += k + 1
    return found


def self_check():
    """least_multiple_in and indices_near against brute force on random cases."""
    rng = random.Random(0)
    for _ in range(3000):
        m = rng.randint(2, 400)
        b, lo = rng.randrange(m), rng.randrange(m)
        hi = rng.randint(lo, m - 1)
        brute = next((x for x in range(2 * m) if lo <= (b * x) % m <= hi), None)
        assert least_multiple_in(b, m, lo, hi) == brute, (b, m, lo, hi)
    for _ in range(200):             # indices_near against brute force, wrapped windows included
        a, b = rng.randrange(MODULUS), rng.randrange(MODULUS)
        width = MODULUS >> rng.randint(1, 12)
        brute = [j for j in range(1000) if abs((a + b * j) % MODULUS - MODULUS // 2) <= width]
        assert indices_near(a, b, width, 1000) == brute, (a, b, width)


def ulp_of_binade(v) -> mpf:
    """The ulp of the binade of the nonzero normal mpmath number v."""
    return mpf(2) ** (int(mpmath.floor(mpmath.log(abs(v), 2))) - 52)


def distance_to_midpoint(v) -> mpf:
    """|v - nearest midpoint| in ulps of the double nearest to v (normal results)."""
    r = round_mpf(v)
    a, v = abs(r), abs(v)
    above = mpf(a) + mpf(math.ulp(a)) / 2
    below_ulp = mpf(math.ulp(math.nextafter(a, 0)))
    below = mpf(a) - below_ulp / 2
    return min(abs(v - above) / mpf(math.ulp(a)), abs(v - below) / below_ulp)


class Function:
    """f with its first two derivatives (mpmath), the oracle, and how inputs are written."""

    def __init__(self, name, f, f1, f2, oracle, base=None):
        self.name, self.f, self.f1, self.f2, self.oracle, self.base = name, f, f1, f2, oracle, base

    def line(self, x: float) -> str:
        if self.name == "pow":
            return f"pow {hex_bits(self.base)} {hex_bits(x)} {hex_bits(self.oracle(self.base, x))}\n"
        return f"{self.name} {hex_bits(x)} {hex_bits(self.oracle(x))}\n"


def tanh1(x):
    return 1 - mpmath.tanh(x) ** 2


def tanh2(x):
    t = mpmath.tanh(x)
    return -2 * t * (1 - t * t)


EXP = Function("exp", mpmath.exp, mpmath.exp, mpmath.exp, ref_exp)
TANH = Function("tanh", mpmath.tanh, tanh1, tanh2, ref_tanh)
LOG = Function("log", mpmath.log, lambda x: 1 / x, lambda x: -1 / (x * x), ref_log)


def power_of(base: float) -> Function:
    """y -> base^y, the exponent varying."""
    ln = mpmath.log(mpf(base))
    return Function("pow", lambda y: mpmath.exp(y * ln), lambda y: ln * mpmath.exp(y * ln),
                    lambda y: ln * ln * mpmath.exp(y * ln), ref_pow, base=base)


def search(fn: Function, sign: int, exponent: int, eps, max_intervals=None):
    """Inputs x = sign (2^52 + j) 2^(exponent - 52), 0 <= j < 2^52, whose value is within eps
    ulps of a midpoint: (x, distance) pairs, in increasing x magnitude. With `max_intervals`,
    only that many intervals, starting at evenly spaced points of the binade."""
    q = exponent - 52
    step = mpf(2) ** q
    hits = []
    j0, intervals = 0, 0
    first = mpf(sign) * (2 ** 52) * step
    while j0 < 2 ** 52 and (max_intervals is None or intervals < max_intervals):
        x0 = first + sign * j0 * step
        U = ulp_of_binade(fn.f(x0))
        curvature = abs(fn.f2(x0)) * step * step / (2 * U) * mpf(1.25)
        # the longest interval with model error delta <= eps / 2, within the binade
        length = int(min(2 ** 52 - j0, 2 * mpmath.sqrt(eps / 2 / curvature))) if curvature > 0 else 2 ** 52 - j0
        length = max(length, 1)
        x1 = first + sign * (j0 + length - 1) * step
        while length > 1 and ulp_of_binade(fn.f(x1)) != U:   # the result changes binade inside
            length //= 2
            x1 = first + sign * (j0 + length - 1) * step
        half = length // 2
        xc = first + sign * (j0 + half) * step
        c2 = max(abs(fn.f2(x)) for x in (x0, xc, x1)) * step * step / (2 * U) * mpf(1.25)
        delta = c2 * mpf(max(half, length - half)) ** 2
        s0 = fn.f(xc) / U
        s1 = fn.f1(xc) * sign * step / U
        a = int(mpmath.floor((s0 - mpmath.floor(s0)) * MODULUS))
        b = int(mpmath.floor((s1 - mpmath.floor(s1)) * MODULUS))
        a = (a - b * half) % MODULUS
        width = int(mpmath.ceil((eps + delta + mpf(length + 2) / 2 ** (FIXED - 2)) * MODULUS))
        for j in indices_near(a, b, width, length):
            x = sign * math.ldexp(float(2 ** 52 + j0 + j), q)
            d = distance_to_midpoint(fn.f(mpf(x)))
            if d < eps:
                hits.append((x, d))
        intervals += 1
        j0 = j0 + length if max_intervals is None else max(j0 + length, intervals * (2 ** 52 // max_intervals))
    return hits


def tanh_crossings(sign: int, exponent: int, eps):
    """tanh at x = sign (2^52 + j) 2^(exponent - 52) with tanh x in x's binade: the inputs
    nearest to each midpoint crossing, within eps. There tanh x / ulp = m - F(m), m = x / ulp
    an integer and F(m) = (x - tanh x) / ulp ~ m x^2 / 3, increasing slowly (F' = tanh^2 x <
    2^-44 for exponent <= -23): tanh x is within eps of a midpoint only where F(m) is within eps
    of some k + 1/2, i.e. at most eps / F' inputs from the root of F(m) = k + 1/2. Every k is
    solved for (Newton's method in mpmath) and the inputs that near its root are evaluated."""
    u = mpf(2) ** (exponent - 52)

    def F(m):
        x = m * u
        return (x - mpmath.tanh(x)) / u

    low, high = mpf(2) ** 52 + 4, mpf(2) ** 53 - 1
    span = int(eps / mpmath.tanh(low * u) ** 2) + 1   # F' = tanh^2 x: inputs within eps are this near a root
    hits = []
    for k in range(int(mpmath.ceil(F(low) - 0.5)), int(mpmath.floor(F(high) - 0.5)) + 1):
        root = mpmath.findroot(lambda m: F(m) - (k + mpf(0.5)), mpmath.cbrt(3 * (k + mpf(0.5)) / (u * u)))
        for j in range(int(mpmath.floor(root)) - span, int(mpmath.floor(root)) + span + 2):
            x = sign * math.ldexp(float(j), exponent - 52)
            d = distance_to_midpoint(mpmath.tanh(mpf(x)))
            if d < eps:
                hits.append((x, d))
    return hits


def odd_powers_of_54_bits(n: int, count: int):
    """Up to `count` odd s, spread over the range, with s^n of exactly 54 bits."""
    low = math.ceil(2 ** (53 / n))
    while low ** n < 2 ** 53:
        low += 1
    high = math.floor(2 ** (54 / n))
    while high ** n >= 2 ** 54:
        high -= 1
    odd = [s for s in range(low, high + 1) if s % 2]
    if len(odd) <= count:
        return odd
    return sorted({odd[k * (len(odd) - 1) // (count - 1)] for k in range(count)})


def pow_midpoints():
    """(x, y) with x^y exactly a midpoint between two doubles."""
    pairs = []
    for n in range(2, 8):
        for s in odd_powers_of_54_bits(n, 6):
            for a in (0, -30, 25):
                for j in range(4):
                    root = s ** (2 ** j)
                    if root >= 2 ** 53 or abs(a * 2 ** j) > 1000:
                        continue
                    x = math.ldexp(float(root), a * 2 ** j)
                    y = n / 2 ** j
                    pairs.append((x, y))
                    if n % 2 and j == 0:
                        pairs.append((-x, y))
    for n, a in ((5, -215), (25, -43)):       # s^n 2^-1075: midpoints among the subnormals
        limit = 2 ** 53
        for s in range(3, 200, 2):
            if s ** n >= limit:
                break
            pairs += [(math.ldexp(float(s), a), float(n)), (-math.ldexp(float(s), a), float(n))]
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=str(CHECKED_IN))
    parser.add_argument("--check", action="store_true", help="compare with the checked-in file instead")
    args = parser.parse_args()
    self_check()
    started = time.time()
    lines, summary = [], []

    def record(label, fn, hits, eps_log2):
        lines.extend(fn.line(x) for x, _ in hits)
        hardest = min((d for _, d in hits), default=None)
        worst = "none" if hardest is None else f"2^{float(mpmath.log(hardest, 2)):.1f}"
        summary.append(f"# {label}: {len(hits)} inputs within 2^-{eps_log2} ulp of a midpoint, hardest {worst}\n")
        print(summary[-1].strip("# \n"), f"({time.time() - started:.0f} s)", file=sys.stderr)

    def run(label, fn, plan, eps_log2):
        eps = mpf(2) ** -eps_log2
        record(label, fn, [hit for sign, exponent, limit in plan for hit in search(fn, sign, exponent, eps, limit)], eps_log2)

    run("exp", EXP, [(s, -e, None) for e in range(40, 52) for s in (1, -1)], 50)
    record("tanh", TANH, [hit for e in (26, 25, 24, 23) for s in (1, -1)
                          for hit in tanh_crossings(s, -e, mpf(2) ** -50)], 50)
    for base in (2.0, 3.0, 10.0, 0.7):
        run(f"pow {base}^y", power_of(base), [(s, -e, None) for e in range(42, 52) for s in (1, -1)], 50)
    run("log", LOG, [(1, e, LOG_INTERVALS) for e in (1000, -1000, -600)], 26)
    midpoints = pow_midpoints()
    for x, y in midpoints:
        lines.append(f"pow {hex_bits(x)} {hex_bits(y)} {hex_bits(ref_pow(x, y))}\n")
    summary.append(f"# pow exact midpoints: {len(midpoints)} inputs at distance 0\n")

    text = (f"# {COMMAND}\n"
            f"# mpmath {mpmath.__version__} at {PRECISION} bits, each value rounded once to binary64 (ties to even);"
            f" the search's method and coverage are in the script's header\n" + "".join(summary) + "".join(lines))
    print(f"{len(lines)} inputs in {time.time() - started:.0f} s", file=sys.stderr)
    if args.check:
        if CHECKED_IN.read_text() != text:
            print(f"{CHECKED_IN} is stale: {COMMAND}", file=sys.stderr)
            return 1
        return 0
    out = Path(args.out)
    tmp = out.with_suffix(".partial")
    tmp.write_text(text)
    tmp.rename(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
