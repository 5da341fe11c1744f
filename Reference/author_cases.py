"""Writes the case definitions of the program families: ``<out>/ops.json``, ``<out>/corpus.json``.

    python Reference/author_cases.py [--out Reference/cases]

A case file is ``{"cases": [case, ...], "family": name, "format": 1}`` with one case per line
(see ``programs.py`` for a case). The output depends only on this code: no clock, no
unseeded randomness, so running it again writes identical bytes.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cases_corpus import corpus_cases  # noqa: E402
from cases_ops import ops_cases  # noqa: E402
from parity_format import FORMAT_VERSION, dumps_document, write_text  # noqa: E402
from programs import validate  # noqa: E402

FAMILIES = {"ops": ops_cases, "corpus": corpus_cases}


def family_document(family: str, cases: list) -> dict:
    names = set()
    for case in cases:
        validate(case)
        if case["name"] in names:
            raise ValueError(f"{family}: two cases are named {case['name']!r}")
        names.add(case["name"])
    return {"cases": cases, "family": family, "format": FORMAT_VERSION}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
    parser.add_argument("--out", default=default, help="folder to write the case files into")
    out = parser.parse_args().out
    for family, make in FAMILIES.items():
        document = family_document(family, make())
        write_text(os.path.join(out, f"{family}.json"), dumps_document(document, "cases"))
        steps = sum(len(case["steps"]) for case in document["cases"])
        print(f"cases/{family}.json: {len(document['cases'])} cases, {steps} steps")


if __name__ == "__main__":
    main()
