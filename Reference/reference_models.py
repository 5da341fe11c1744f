"""Goldens of ``micrograd_ref``: its training runs and its random numbers.

``goldens/models.json``::

    {"family": "models", "format": 1, "provenance": {...},
     "models": {name: {"finalParameters": [pair, ...],
                       "gradients": {"0": [pair, ...], "1": [...], "<last step>": [...]},
                       "losses": [pair, ...], "sha256": hex,
                       "engineMath": {"finalParameters": ..., "gradients": ..., "losses": ...}}}}

one entry per spec of ``cases/models.json`` (``sha256`` is that of the spec's canonical JSON),
from ``micrograd_ref.models.train``: the loss of every step, every parameter's gradient after
the backward pass of steps 0, 1 and the last, and the parameters after the last update.

``engineMath`` is there only for a run that computes ``tanh``, ``exp``, ``log`` or ``sqrt``, the
functions where torch (Intel MKL) and the engine (correctly rounded) differ by design
(``TorchDeviation.swift``): the same series from ``train(spec, "portable")``, those four forward
values correctly rounded (mpmath) and everything else from torch, so no golden depends on the
generating machine's C library. The engine is held to it at
0 ulp; the difference between it and the main series is the drift the deviations cause.

``goldens/rng.json``::

    {"family": "rng", "format": 1, "provenance": {...}, "seed": 42,
     "nextU64": [int, ...], "random": [pair, ...]}

the first ``RNG_COUNT`` outputs of ``RNG(seed).next_u64()`` and, from a fresh generator with the
same seed, of ``RNG(seed).random()``.
"""

from micrograd_ref import models, rng
from parity_format import golden_pair, sha256_of

RNG_SEED = 42
RNG_COUNT = 1_000


def load_specs(path: str) -> list:
    specs = models.load_specs(path)
    names = [spec["name"] for spec in specs]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: model names must be unique: {names}")
    return specs


def series(record: dict) -> dict:
    """The golden numbers of a ``models.train`` record."""
    return {
        "finalParameters": [golden_pair(p) for p in record["final_parameters"]],
        "gradients": {step: [golden_pair(g) for g in grads] for step, grads in record["gradients"].items()},
        "losses": [golden_pair(loss) for loss in record["losses"]],
    }


def model_golden(spec: dict) -> dict:
    record = models.train(spec)
    golden = dict(series(record), sha256=sha256_of(spec))
    if record["transcendentals_used"]:
        engine_math = models.train(spec, "portable")
        if engine_math["transcendentals_used"] != record["transcendentals_used"]:
            raise AssertionError(f"{spec['name']}: the portable run computed {engine_math['transcendentals_used']}, "
                                 f"the torch run {record['transcendentals_used']}")
        golden["engineMath"] = series(engine_math)
    return golden


def rng_golden() -> dict:
    generator = rng.RNG(RNG_SEED)
    return {
        "nextU64": rng.first_u64(RNG_SEED, RNG_COUNT),
        "random": [golden_pair(generator.random()) for _ in range(RNG_COUNT)],
        "seed": RNG_SEED,
    }
