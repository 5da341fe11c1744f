"""Measures where the engine's default math (PortableMath: correctly rounded) differs from the
pinned torch, for the figures of ``TorchDeviation`` (``Sources/Micrograd/Math/TorchDeviation.swift``)
and the notes in ``AdamW.swift`` and ``Initializer.swift``.

    python Reference/measure_deviations.py [--count N] [--seed S]

Run with the reference venv's Python (``bash Scripts/ensure_venv.sh`` prints it). The engine's
values are computed here with mpmath (``micrograd_ref/portable.py``): the binary64 nearest to the
exact value, which is what the Swift functions return (``PortableMathOracleTests`` checks them at
0 mismatches against the same oracle). torch's are 0-dim float64 CPU tensors, as the parity suite
computes them. Per function: inputs compared, how many differ, by at most how many ulp.

Inputs (``--count`` per function, default 200,000, seed 1): half uniform over the function's
useful range, half over a wide one, plus the powers of the parity cases' exponents:
- ``exp``: [-20, 20], and [-745, 709];
- ``log``: [0.25, 4], and 2^U(-1000, 1000);
- ``tanh``: [-5, 5], and [-20, 20];
- ``sqrt``: [0, 4], and 2^U(-1000, 1000);
- ``sigmoid``: [-10, 10], and [-40, 40];
- ``pow(x, e)``: x in 2^U(-8, 8), e from the exponents torch computes with the C library's
  ``pow`` (every parity exponent but torch's special cases) — and, for the backward formula
  ``g * (e * x.pow(e - 1))``, the same with ``e - 1``;
- Python's ``beta ** t`` and ``(1 - beta2 ** t) ** 0.5`` of AdamW for the parity suite's betas and
  t up to 5,000, and the Eureka initializer's ``n ** -0.5`` for n up to 2,000.
"""

import argparse
import math
import random
import struct
import sys
from multiprocessing import Pool
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from micrograd_ref import portable  # noqa: E402

# torch's pow special cases (TorchKernels.pow): these never reach the C library's pow.
SPECIAL_EXPONENTS = {0.0, 1.0, 2.0, 3.0, -1.0, -2.0, 0.5, -0.5}
# The finite exponents of the parity cases (cases_ops.POW_EXPONENTS) and the corpus's range.
CASE_EXPONENTS = [1.5, -1.5, 2.5, 0.3, 0.1, 4.0, -3.0, 7.0, 10.0, -10.0, 1e-5, 0.7, -0.7, 1.25, -2.5, 3.5]
GENERAL_EXPONENTS = [e for e in CASE_EXPONENTS if e not in SPECIAL_EXPONENTS]
BACKWARD_EXPONENTS = [e - 1 for e in CASE_EXPONENTS if e - 1 not in SPECIAL_EXPONENTS]
BETAS = [0.8, 0.9, 0.95, 0.999]


def ulps(a: float, b: float) -> int:
    """The number of doubles between ``a`` and ``b`` (0 for equal bits, both NaN, or ±0)."""
    if a == b or (math.isnan(a) and math.isnan(b)):
        return 0
    if math.isnan(a) or math.isnan(b):
        return 1 << 64

    def ordered(x):
        (i,) = struct.unpack("<q", struct.pack("<d", x))
        return i if i >= 0 else -(i & 0x7FFFFFFFFFFFFFFF)

    return abs(ordered(a) - ordered(b))


def scalar(x: float) -> torch.Tensor:
    return torch.tensor(x, dtype=torch.float64)


def draw(name: str, rng: random.Random) -> float:
    wide = rng.random() < 0.5
    if name == "exp":
        return rng.uniform(-745, 709) if wide else rng.uniform(-20, 20)
    if name in ("log", "sqrt"):
        if wide:
            return 2.0 ** rng.uniform(-1000, 1000)
        return rng.uniform(0.25, 4) if name == "log" else rng.uniform(0, 4)
    if name == "tanh":
        return rng.uniform(-20, 20) if wide else rng.uniform(-5, 5)
    if name == "sigmoid":
        return rng.uniform(-40, 40) if wide else rng.uniform(-10, 10)
    raise ValueError(name)


FUNCTIONS = {
    "exp": (lambda x: torch.exp(scalar(x)).item(), portable.exp),
    "log": (lambda x: torch.log(scalar(x)).item(), portable.log),
    "tanh": (lambda x: torch.tanh(scalar(x)).item(), portable.tanh),
    "sqrt": (lambda x: torch.sqrt(scalar(x)).item(), portable.sqrt),
    # torch's scalar sigmoid: 1 / (1 + exp(-x)) with the C library's exp; the engine's with its own.
    "sigmoid": (lambda x: torch.sigmoid(scalar(x)).item(), lambda x: 1 / (1 + portable.exp(-x))),
}


def measure(task):
    """``(label, compared, differing, worst ulp)`` of one function on ``count`` inputs."""
    label, count, seed = task
    torch.set_num_threads(1)
    rng = random.Random(f"{seed}/{label}")
    compared = differing = worst = 0
    for _ in range(count):
        if label.startswith("pow"):
            exponents = GENERAL_EXPONENTS if label == "pow forward" else BACKWARD_EXPONENTS
            x, e = 2.0 ** rng.uniform(-8, 8), rng.choice(exponents)
            theirs, ours = torch.pow(scalar(x), e).item(), portable.pow(x, e)
        else:
            x = draw(label, rng)
            torch_f, engine_f = FUNCTIONS[label]
            theirs, ours = torch_f(x), engine_f(x)
        distance = ulps(theirs, ours)
        compared += 1
        differing += distance > 0
        worst = max(worst, distance)
    return label, compared, differing, worst


def python_pows():
    """Where Python's float ``**`` (the C library's pow, as torch's AdamW and the original
    initializer call it) differs from the correctly rounded pow."""
    lines = []
    for beta in BETAS:
        first = next((t for t in range(1, 5001) if beta ** t != portable.pow(beta, float(t))), None)
        lines.append(f"beta ** t, beta = {beta}: first difference at t = {first} (t <= 5000)")
    for beta2 in BETAS:
        first = next((t for t in range(1, 5001)
                      if (1 - beta2 ** t) ** 0.5 != portable.pow(1 - portable.pow(beta2, float(t)), 0.5)), None)
        lines.append(f"(1 - beta2 ** t) ** 0.5, beta2 = {beta2}: first difference at t = {first} (t <= 5000)")
    differ = [n for n in range(1, 2001) if n ** -0.5 != portable.pow(float(n), -0.5)]
    lines.append(f"n ** -0.5, n <= 2000: {len(differ)} differ {differ}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    labels = list(FUNCTIONS) + ["pow forward", "pow backward"]
    print(f"torch {torch.__version__} ({torch.backends.cpu.get_cpu_capability()}), "
          f"{args.count} inputs per function, seed {args.seed}")
    with Pool(2) as pool:
        results = pool.map(measure, [(label, args.count, args.seed) for label in labels])
    for label, compared, differing, worst in results:
        share = 100 * differing / compared
        print(f"{label:13} {differing:,} of {compared:,} inputs ({share:.2f}%) differ, by at most {worst} ulp")
    for line in python_pows():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
