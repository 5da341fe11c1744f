"""Writes the goldens: what PyTorch computes for every case, the only source of expected values.

    python Reference/generate.py [--cases Reference/cases] [--out Reference/goldens]

For each program family ``F`` (``ops``, ``corpus``) it runs every case of ``<cases>/F.json``
with torch (``torch_eval.py``) and writes ``<out>/F.json``::

    {"cases": {name: {"grads": [pair | null, ...], "powFactors": {step: pair, ...},
                      "sha256": hex, "values": [pair, ...]}},
     "family": F, "format": 1, "provenance": {...}}

where ``values[i]`` and ``grads[i]`` belong to step ``i``, a pair is ``[hex, decimal]`` (see
``parity_format.py``), ``null`` is a gradient backward never reached, ``powFactors`` holds, for
each ``x ** e`` step (``e != 0``, keyed by its index), the factor ``e * x.pow(e - 1)`` torch's
backward multiplies the gradient by, and ``sha256`` is the case's fingerprint (the SHA-256 of
its line in the case file, see ``parity_format.py``): the Swift harness computes it from the
same line to detect stale goldens.
``models.json`` and ``rng.json`` hold the training runs of ``<cases>/models.json`` and the
random numbers of ``micrograd_ref`` (see ``reference_models.py``). The work is spread over
processes (one per core); every file is written atomically with sorted keys and no
timestamps, so regenerating on the same setup gives identical bytes.
"""

import argparse
import glob
import multiprocessing
import os
import platform
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from parity_format import (FORMAT_VERSION, case_lines, dumps_document, golden_pair,  # noqa: E402
                           sha256_of_file, write_text)
from programs import validate  # noqa: E402
from reference_models import load_specs, model_golden, rng_golden  # noqa: E402
from torch_eval import evaluate, torch  # noqa: E402

PROGRAM_FAMILIES = ("ops", "corpus", "frozen")  # frozen: only once Scripts/freeze_seed.sh wrote it
GENERATOR_SOURCES = ("generate.py", "parity_format.py", "programs.py", "torch_eval.py")
MODEL_SOURCES = ("reference_models.py", "micrograd_ref/*.py")


def source_hashes(patterns) -> dict:
    """sha256 of each generator source, keyed by its path in the repository."""
    hashes = {}
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(HERE, pattern))):
            hashes[os.path.relpath(path, os.path.dirname(HERE))] = sha256_of_file(path)
    return hashes


def provenance(inputs: dict, extra_sources=()) -> dict:
    """Where a golden file came from. Only what decides the numbers: no host name, no kernel
    version, no time, so the same setup regenerates identical bytes."""
    libc, libc_version = platform.libc_ver()
    return {
        "cpuCapability": torch.backends.cpu.get_cpu_capability(),
        "generator": source_hashes(GENERATOR_SOURCES + tuple(extra_sources)),
        "inputs": inputs,
        "libc": f"{libc} {libc_version}".strip(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": platform.system(),
        "torch": torch.__version__,
    }


def program_golden(case: dict, fingerprint: str) -> dict:
    values, grads, pow_factors = evaluate(case["steps"])
    return {
        "grads": [None if g is None else golden_pair(g) for g in grads],
        "powFactors": {str(i): golden_pair(k) for i, k in sorted(pow_factors.items())},
        "sha256": fingerprint,
        "values": [golden_pair(v) for v in values],
    }


def program_family(cases_dir: str, family: str) -> tuple:
    path = os.path.join(cases_dir, f"{family}.json")
    goldens = {}
    for case, fingerprint in case_lines(path):
        validate(case)
        if case["name"] in goldens:
            raise ValueError(f"{path}: two cases are named {case['name']!r}")
        goldens[case["name"]] = program_golden(case, fingerprint)
    inputs = {f"Reference/cases/{family}.json": sha256_of_file(path)}
    document = {"cases": goldens, "family": family, "format": FORMAT_VERSION,
                "provenance": provenance(inputs)}
    return f"{family}.json", dumps_document(document, "cases")


def run_task(task: tuple):
    """One unit of work for the process pool: ``(kind, argument)``."""
    torch.set_num_threads(1)
    kind, argument = task
    if kind == "program":
        return program_family(*argument)
    if kind == "model":
        spec, fingerprint = argument
        return spec["name"], model_golden(spec, fingerprint)
    return rng_golden()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=os.path.join(HERE, "cases"))
    parser.add_argument("--out", default=os.path.join(HERE, "goldens"))
    args = parser.parse_args()
    models_path = os.path.join(args.cases, "models.json")
    specs = load_specs(models_path)
    # Longest first, so the pool finishes as early as it can.
    tasks = [("model", entry) for entry in sorted(specs, key=lambda e: -e[0]["steps"] * e[0]["dataset"].get("count", 4)
                                                    * sum(e[0]["model"]["layers"]))]
    tasks += [("program", (args.cases, family)) for family in PROGRAM_FAMILIES
              if family != "frozen" or os.path.exists(os.path.join(args.cases, "frozen.json"))] + [("rng", None)]
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        results = pool.map(run_task, tasks, chunksize=1)

    models, rng_outputs = {}, None
    for (kind, _), result in zip(tasks, results):
        if kind == "program":
            name, text = result
            write_text(os.path.join(args.out, name), text)
        elif kind == "model":
            name, golden = result
            models[name] = golden
        else:
            rng_outputs = result
    models_inputs = {"Reference/cases/models.json": sha256_of_file(models_path)}
    models_document = {"family": "models", "format": FORMAT_VERSION, "models": models,
                       "provenance": provenance(models_inputs, MODEL_SOURCES)}
    write_text(os.path.join(args.out, "models.json"), dumps_document(models_document, "models"))
    rng_document = dict(rng_outputs, family="rng", format=FORMAT_VERSION, provenance=provenance({}, MODEL_SOURCES))
    write_text(os.path.join(args.out, "rng.json"), dumps_document(rng_document, "random"))
    print(f"goldens: {', '.join(PROGRAM_FAMILIES)}, models ({len(specs)} runs), rng")


if __name__ == "__main__":
    main()
