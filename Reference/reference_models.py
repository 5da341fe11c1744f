"""Goldens of ``micrograd_ref``: its training runs and its random numbers.

``goldens/models.json``::

    {"family": "models", "format": 1, "provenance": {...},
     "models": {name: {"finalParameters": [pair, ...],
                       "gradients": {"0": [pair, ...], "1": [...], "<last step>": [...]},
                       "losses": [pair, ...], "sha256": hex}}}

one entry per spec of ``cases/models.json`` (``sha256`` is that of the spec's canonical JSON),
from ``micrograd_ref.models.train``: the loss of every step, every parameter's gradient after
the backward pass of steps 0, 1 and the last, and the parameters after the last update.

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


def model_golden(spec: dict) -> dict:
    record = models.train(spec)
    return {
        "finalParameters": [golden_pair(p) for p in record["final_parameters"]],
        "gradients": {step: [golden_pair(g) for g in grads] for step, grads in record["gradients"].items()},
        "losses": [golden_pair(loss) for loss in record["losses"]],
        "sha256": sha256_of(spec),
    }


def rng_golden() -> dict:
    generator = rng.RNG(RNG_SEED)
    return {
        "nextU64": rng.first_u64(RNG_SEED, RNG_COUNT),
        "random": [golden_pair(generator.random()) for _ in range(RNG_COUNT)],
        "seed": RNG_SEED,
    }
