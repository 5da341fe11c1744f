"""PyTorch run live for the Swift parity suite (``LiveTorchTests``), through the embedded interpreter.

Each function called from Swift takes a JSON request (a string) and returns a JSON summary (a
string), the contract of ``PythonBridge.call``. What torch computed is written as reference
files under the request's ``root``, a folder laid out like the package: ``Reference/cases/F.json``
and ``Reference/goldens/F.json``, byte for byte the format ``author_cases.py`` and
``generate.py`` write (``generate.py``'s own code makes the goldens), so the Swift side loads
them with the harness's ``ReferenceFiles`` and its checks, exactly as the checked-in goldens.

* ``random_programs``: ``{"root", "family", "seed", "first", "count"}`` -- programs ``first``
  to ``first + count - 1`` of ``seed``: the ``corpus`` family's generator (``cases_corpus.py``:
  every operation, heavy reuse, edge values), its random numbers drawn from ``(seed, index)``
  instead of the corpus seed; program ``i`` is named ``seed-<seed>/<i:05d>`` and is the same
  whatever the batches it is asked for in.
* ``evaluate_programs``: ``{"root", "cases"}`` -- every program of the case file at path
  ``cases`` (a checked-in family, say), copied into ``root``.
* ``random_models``: ``{"root", "seed", "count"}`` -- ``count`` small training runs drawn from
  ``seed`` (``random_spec``), trained by ``micrograd_ref``, as ``Reference/cases/models.json``
  and ``Reference/goldens/models.json``.
* ``evaluate_models``: ``{"root", "cases"}`` -- every training run of the model spec file at
  path ``cases`` (the checked-in ``Reference/cases/models.json``), copied into ``root``.

The summary is ``{"family": F, "cases": n, "steps": m, "seconds": s}``: what was written, and
how long the call took. Everything written depends only on the request.

Run as a script, it freezes a seed's programs into the golden corpus (``Scripts/freeze_seed.sh``)::

    python Reference/live.py freeze SEED COUNT [--cases Reference/cases]

adds programs 0 to ``COUNT - 1`` of ``SEED`` to ``<cases>/frozen.json`` (family ``frozen``),
keeping the cases already there, sorted by name.
"""

import argparse
import json
import os
import random
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import cases_corpus  # noqa: E402
import generate  # noqa: E402
from author_cases import family_document  # noqa: E402
from parity_format import FORMAT_VERSION, dumps_document, dumps_list, sha256_of_file, write_text  # noqa: E402
from program_builder import Program  # noqa: E402
from reference_models import load_specs, model_golden  # noqa: E402

FROZEN_FAMILY = "frozen"


class _SeededGenerator(cases_corpus._Generator):
    """The corpus generator, its random numbers drawn from ``(seed, index)``."""

    def __init__(self, seed: int, index: int):
        super().__init__(index)
        # A str seed is hashed with SHA-512: deterministic, and no two (seed, index) collide.
        self.rng = random.Random(f"{seed}/{index}")
        self.p = Program(f"seed-{seed}/{index:05d}")


def seeded_programs(seed: int, first: int, count: int) -> list:
    """Programs ``first`` to ``first + count - 1`` of ``seed``."""
    return [_SeededGenerator(seed, index).program() for index in range(first, first + count)]


def random_spec(seed: int, index: int) -> dict:
    """A small training run (see ``micrograd_ref/models.py``): 1-3 layers of 1-8 neurons, a few
    steps on a few points. Half the runs avoid every documented deviation (tanh, cross-entropy,
    AdamW), so the Swift suite holds them to 0 ulp; the others may use anything."""
    rng = random.Random(f"model/{seed}/{index}")
    exact = rng.random() < 0.5
    loss = {"kind": rng.choice(["squaredError", "maxMargin"] if exact else ["squaredError", "maxMargin", "crossEntropy"])}
    if loss["kind"] == "crossEntropy":
        dataset, inputs, outputs = {"kind": "yinyang", "count": rng.randint(5, 30)}, 2, 3
    elif rng.random() < 0.3:
        dataset, inputs, outputs = {"kind": "lecture"}, 3, 1
    else:
        dataset = {"kind": "moons", "count": rng.randint(2, 20), "noise": rng.choice([0.05, 0.1, 0.2, 0.3])}
        inputs, outputs = 2, 1
    if loss["kind"] == "maxMargin":
        loss["l2"] = rng.choice([0.0, 0.0001, 0.01])
    hidden = [rng.randint(1, 8) for _ in range(rng.randint(0, 2))]
    model = {
        "inputs": inputs, "layers": hidden + [outputs],
        "activation": "relu" if exact else rng.choice(["relu", "tanh"]),
        "outputActivation": rng.choice(["linear", "relu"] if exact else ["linear", "relu", "tanh"]),
        "initializer": rng.choice(["micrograd", "lecture", "eureka"]),
    }
    if exact or rng.random() < 0.5:
        optimizer = {"kind": "sgd", "learningRate": rng.choice([0.01, 0.05, 0.1, 0.5, 1.0])}
        if rng.random() < 0.5:
            optimizer["learningRateDecay"] = rng.choice([0.001, 0.005])
            optimizer["decaySteps"] = rng.choice([1, 10])
    else:
        optimizer = {"kind": "adamw", "learningRate": rng.choice([0.001, 0.01, 0.1]), "beta1": rng.choice([0.8, 0.9]),
                     "beta2": rng.choice([0.95, 0.999]), "epsilon": 1e-8, "weightDecay": rng.choice([0.0, 0.0001, 0.01])}
    return {"name": f"seed-{seed}/model-{index:02d}", "seed": rng.randrange(2**32), "dataset": dataset,
            "model": model, "loss": loss, "optimizer": optimizer, "steps": rng.randint(2, 8)}


def _folders(root: str) -> tuple:
    reference = os.path.join(root, "Reference")
    return os.path.join(reference, "cases"), os.path.join(reference, "goldens")


def _summary(family: str, cases: list, began: float) -> str:
    steps = sum(len(case["steps"]) for case in cases)
    return json.dumps({"family": family, "cases": len(cases), "steps": steps, "seconds": time.perf_counter() - began})


def _write_goldens(root: str, family: str) -> list:
    """Evaluates ``<root>/Reference/cases/<family>.json`` with ``generate.py``'s code and writes
    its goldens; returns the cases."""
    cases_dir, goldens_dir = _folders(root)
    name, text = generate.program_family(cases_dir, family)
    write_text(os.path.join(goldens_dir, name), text)
    with open(os.path.join(cases_dir, f"{family}.json"), encoding="utf-8") as f:
        return json.load(f)["cases"]


def random_programs(argument: str) -> str:
    request = json.loads(argument)
    began = time.perf_counter()
    root, family = request["root"], request["family"]
    cases = seeded_programs(request["seed"], request["first"], request["count"])
    cases_dir, _ = _folders(root)
    write_text(os.path.join(cases_dir, f"{family}.json"), dumps_document(family_document(family, cases), "cases"))
    _write_goldens(root, family)
    return _summary(family, cases, began)


def evaluate_programs(argument: str) -> str:
    request = json.loads(argument)
    began = time.perf_counter()
    root, path = request["root"], request["cases"]
    with open(path, encoding="utf-8") as f:
        family = json.load(f)["family"]
    cases_dir, _ = _folders(root)
    os.makedirs(cases_dir, exist_ok=True)
    shutil.copyfile(path, os.path.join(cases_dir, f"{family}.json"))
    return _summary(family, _write_goldens(root, family), began)


def random_models(argument: str) -> str:
    request = json.loads(argument)
    began = time.perf_counter()
    root, seed = request["root"], request["seed"]
    cases_dir, _ = _folders(root)
    specs_path = os.path.join(cases_dir, "models.json")
    write_text(specs_path, dumps_list([random_spec(seed, index) for index in range(request["count"])]))
    return _write_models(root, specs_path, began)


def evaluate_models(argument: str) -> str:
    request = json.loads(argument)
    began = time.perf_counter()
    cases_dir, _ = _folders(request["root"])
    os.makedirs(cases_dir, exist_ok=True)
    specs_path = os.path.join(cases_dir, "models.json")
    shutil.copyfile(request["cases"], specs_path)
    return _write_models(request["root"], specs_path, began)


def _write_models(root: str, specs_path: str, began: float) -> str:
    """Trains every spec of ``specs_path`` (in ``<root>/Reference/cases``) with ``micrograd_ref``
    and writes the goldens; returns the summary."""
    _, goldens_dir = _folders(root)
    specs = load_specs(specs_path)
    document = {"family": "models", "format": FORMAT_VERSION,
                "models": {spec["name"]: model_golden(spec, fingerprint) for spec, fingerprint in specs},
                "provenance": generate.provenance({"Reference/cases/models.json": sha256_of_file(specs_path)},
                                                  generate.MODEL_SOURCES)}
    write_text(os.path.join(goldens_dir, "models.json"), dumps_document(document, "models"))
    return json.dumps({"family": "models", "cases": len(specs), "steps": sum(spec["steps"] for spec, _ in specs),
                       "seconds": time.perf_counter() - began})


def freeze(seed: int, count: int, cases_dir: str) -> None:
    """Adds programs 0 to ``count - 1`` of ``seed`` to ``<cases_dir>/frozen.json``."""
    path = os.path.join(cases_dir, f"{FROZEN_FAMILY}.json")
    cases = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            cases = {case["name"]: case for case in json.load(f)["cases"]}
    fresh = seeded_programs(seed, 0, count)
    changed = [case["name"] for case in fresh if case["name"] in cases and cases[case["name"]] != case]
    if changed:
        raise SystemExit(f"{path}: {len(changed)} frozen case(s) of seed {seed} differ from what the generator makes "
                         f"now (first: {changed[0]}); cases_corpus.py changed since they were frozen")
    added = sum(case["name"] not in cases for case in fresh)
    cases.update((case["name"], case) for case in fresh)
    document = family_document(FROZEN_FAMILY, [cases[name] for name in sorted(cases)])
    write_text(path, dumps_document(document, "cases"))
    print(f"{os.path.relpath(path)}: {added} case(s) of seed {seed} added, {len(cases)} in all")


def main() -> None:
    parser = argparse.ArgumentParser(description="Freezes a live seed's programs into the golden corpus.")
    parser.add_argument("command", choices=["freeze"])
    parser.add_argument("seed", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("--cases", default=os.path.join(HERE, "cases"), help="folder of the case files")
    args = parser.parse_args()
    if args.seed < 0 or args.count < 1:
        parser.error("the seed must be a non-negative integer and the count positive")
    freeze(args.seed, args.count, args.cases)


if __name__ == "__main__":
    main()
