"""Summarises how a freshly generated set of reference files differs from the checked-in one.

    python Reference/compare_reference.py [--machine-may-differ] OLD NEW FILE...

``OLD`` and ``NEW`` are folders laid out like ``Reference/`` (``cases/``, ``goldens/``) and each
``FILE`` a path inside them, such as ``goldens/ops.json``. For every file it prints the entries
(cases, models) added, removed and changed, and for changed entries the worst distance in ulp
between old and new numbers; provenance changes are listed too. Exits 1 if anything differs.

With ``--machine-may-differ`` (the freshness check), a file whose only difference is the
description of the machine that generated it (``MACHINE_FIELDS`` of its provenance: CPU
capability, Python, system, libc) counts as identical: the same torch and the same generator
sources produced the same numbers here. The difference is printed as a note.
"""

import json
import math
import os
import struct
import sys

from parity_format import float_of

SHOWN = 8  # names listed per kind of change

# Provenance fields that describe where a file was generated, not what it holds.
MACHINE_FIELDS = ("cpuCapability", "libc", "machine", "python", "system")


def ulp_distance(a: float, b: float) -> float:
    """As the Swift harness measures it: -0.0 and +0.0 are 1 apart, NaN equals NaN, NaN
    against a number is infinitely far."""
    if math.isnan(a) or math.isnan(b):
        return 0 if math.isnan(a) and math.isnan(b) else math.inf

    def key(x: float) -> int:
        bits = struct.unpack(">Q", struct.pack(">d", x))[0]
        return bits if bits < 1 << 63 else -(bits - (1 << 63)) - 1

    return abs(key(a) - key(b))


def worst_ulp(old, new) -> float:
    """The worst distance between hex floats at the same place in two JSON values (other text,
    such as the decimal beside each float or a sha256, is not a number and is skipped), or inf
    when their shapes differ."""
    if isinstance(old, str) and isinstance(new, str):
        try:
            return ulp_distance(float_of(old), float_of(new))
        except ValueError:
            return 0
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return max((worst_ulp(o, n) for o, n in zip(old, new)), default=0)
    if isinstance(old, dict) and isinstance(new, dict) and old.keys() == new.keys():
        return max((worst_ulp(old[k], new[k]) for k in old), default=0)
    return 0 if old == new else math.inf


def entries(document: dict) -> dict:
    """The named entries of a reference document (cases or models), or the whole document."""
    for key in ("cases", "models"):
        listed = document.get(key)
        if isinstance(listed, dict):
            return listed
        if isinstance(listed, list):
            return {case["name"]: case for case in listed}
    return {"(whole file)": {k: v for k, v in document.items() if k != "provenance"}}


def changed_fields(old: dict, new: dict, prefix: str = "") -> list:
    """``(key, old, new)`` for every leaf field that differs, nested keys joined with ``.``;
    sha256 values are shortened to 12 digits."""
    changes = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if isinstance(before, dict) and isinstance(after, dict):
            changes += changed_fields(before, after, f"{prefix}{key}.")
        elif before != after:
            short = [v[:12] + "…" if isinstance(v, str) and len(v) == 64 else json.dumps(v) for v in (before, after)]
            changes.append((prefix + key, *short))
    return changes


def describe(distance: float) -> str:
    return "numbers differ in shape or NaN-ness" if math.isinf(distance) else f"{int(distance)} ulp"


def compare_file(old_path: str, new_path: str, name: str) -> list:
    """Lines describing the differences of one file; empty when identical."""
    if not os.path.exists(new_path):
        return [f"{name}: not generated any more"]
    with open(new_path, "rb") as f:
        new_bytes = f.read()
    if not os.path.exists(old_path):
        return [f"{name}: new file"]
    with open(old_path, "rb") as f:
        old_bytes = f.read()
    if old_bytes == new_bytes:
        return []
    try:
        old = json.loads(old_bytes)
    except ValueError as error:
        return [f"{name}: the checked-in file is not valid JSON ({error})"]
    new = json.loads(new_bytes)
    old_entries, new_entries = entries(old), entries(new)
    added = sorted(set(new_entries) - set(old_entries))
    removed = sorted(set(old_entries) - set(new_entries))
    changed = {k: worst_ulp(old_entries[k], new_entries[k]) for k in sorted(set(old_entries) & set(new_entries))
               if old_entries[k] != new_entries[k]}
    redefined = {k for k in changed
                 if isinstance(old_entries[k], dict) and old_entries[k].get("sha256") != new_entries[k].get("sha256")}
    lines = [f"{name}: {len(added)} added, {len(removed)} removed, {len(changed)} changed"
             + (f" (worst {describe(max(changed.values()))} between old and new)" if changed else "")]
    for label, names in (("added", added), ("removed", removed)):
        if names:
            more = f" … and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
            lines.append(f"  {label}: {', '.join(names[:SHOWN])}{more}")
    if changed:
        worst_first = sorted(changed, key=lambda k: -changed[k])
        shown = ", ".join(f"{k} ({'definition changed, ' if k in redefined else ''}{describe(changed[k])})"
                          for k in worst_first[:SHOWN])
        more = f" … and {len(changed) - SHOWN} more" if len(changed) > SHOWN else ""
        lines.append(f"  changed: {shown}{more}")
    lines += [f"  provenance {key}: {before} -> {after}"
              for key, before, after in changed_fields(old.get("provenance", {}), new.get("provenance", {}))]
    if len(lines) == 1 and not changed:
        lines.append("  same content, different bytes (formatting)")
    return lines


def without_machine(document):
    """The document with its provenance's ``MACHINE_FIELDS`` left out."""
    if not isinstance(document, dict) or not isinstance(document.get("provenance"), dict):
        return document
    provenance = {k: v for k, v in document["provenance"].items() if k not in MACHINE_FIELDS}
    return {**document, "provenance": provenance}


def machine_note(old_path: str, new_path: str, name: str):
    """A note when the two files differ only in the machine their provenance describes, else None."""
    try:
        with open(old_path, "rb") as f:
            old = json.loads(f.read())
        with open(new_path, "rb") as f:
            new = json.loads(f.read())
    except (OSError, ValueError):
        return None
    if without_machine(old) != without_machine(new):
        return None
    fields = ", ".join(f"{key} {before} -> {after}"
                       for key, before, after in changed_fields(old.get("provenance", {}), new.get("provenance", {})))
    return f"{name}: the same numbers, generated here on another machine ({fields})"


def main() -> int:
    arguments = sys.argv[1:]
    machine_may_differ = arguments[:1] == ["--machine-may-differ"]
    if machine_may_differ:
        arguments = arguments[1:]
    old_root, new_root, files = arguments[0], arguments[1], arguments[2:]
    lines, notes = [], []
    for name in files:
        old_path, new_path = os.path.join(old_root, name), os.path.join(new_root, name)
        differences = compare_file(old_path, new_path, name)
        note = machine_note(old_path, new_path, name) if differences and machine_may_differ else None
        if note:
            notes.append(note)
        else:
            lines += differences
    for line in notes + lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
