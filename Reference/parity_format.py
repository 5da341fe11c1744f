"""The on-disk format shared by the case files, the goldens and the Swift harness.

Floats are written as text, never as JSON numbers:

* finite numbers in hexadecimal, as ``float.hex()`` writes them but with the trailing zeros of
  the fraction removed (and the point too when nothing is left): ``3.0`` is ``"0x1.8p+1"``,
  ``1.0`` is ``"0x1p+0"``, ``-0.0`` is ``"-0x0p+0"``, the smallest subnormal is
  ``"0x0.0000000000001p-1022"``;
* the three non-finite values as ``float.hex()`` spells them: ``"inf"``, ``"-inf"`` and
  ``"nan"`` (every NaN is written ``"nan"``: the suite treats all NaNs as equal).

A golden value is the pair ``[hex, decimal]``, the decimal being ``repr()`` of the same number,
for people reading the file; the Swift harness checks that both spell the same number.

JSON is written with sorted keys and no timestamps, so regenerating gives identical bytes.

A case file holds **one case per line**: every line that starts with ``{"`` is one case (with
the comma that separates it from the next), every other line is the document's frame. A
case's fingerprint, which its golden records as ``sha256``, is the SHA-256 of its line's bytes
as written, without that comma (``case_lines``); the Swift harness reads the same lines, so
neither side re-serialises a case to compare it. ``author_cases.py`` writes the program
families so, and ``cases/models.json`` is written by hand in the same layout.
"""

import hashlib
import json
import math
import os

FORMAT_VERSION = 1
FIX_COMMAND = "bash Scripts/regen_reference.sh"


def hex_of(x: float) -> str:
    """The canonical text of a float (see the module docstring)."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = float.hex(x)
    mantissa, exponent = text.split("p")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}p{exponent}"


def float_of(text: str) -> float:
    """Parses the canonical text of a float, rejecting any other spelling."""
    value = float.fromhex(text) if text not in ("nan", "inf", "-inf") else float(text)
    if hex_of(value) != text:
        raise ValueError(f"{text!r} is not a canonical hex float (expected {hex_of(value)!r})")
    return value


def golden_pair(x: float) -> list:
    """``[hex, decimal]`` for a golden value."""
    return [hex_of(x), repr(x)]


def canonical_json(obj) -> str:
    """The canonical JSON text of ``obj`` (sorted keys, no spaces, ASCII only)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def case_lines(path: str) -> list:
    """The cases of the case file at ``path`` (a document whose list is ``cases``, or a list),
    each with its fingerprint: ``[(case, sha256 of its line), ...]`` (see the module docstring)."""
    with open(path, "rb") as f:
        data = f.read()
    document = json.loads(data)
    cases = document["cases"] if isinstance(document, dict) else document
    lines = [line[:-1] if line.endswith(b",") else line for line in data.split(b"\n") if line.startswith(b'{"')]
    if len(lines) != len(cases):
        raise ValueError(f"{path}: {len(cases)} cases on {len(lines)} lines starting with {{\": a case file holds one case per line")
    for line, case in zip(lines, cases):
        if json.loads(line) != case:
            raise ValueError(f"{path}: the line {line[:60]!r}... is not the case of its place in the document")
    return [(case, hashlib.sha256(line).hexdigest()) for case, line in zip(cases, lines)]


def dumps_list(items: list) -> str:
    """``items`` as a JSON array with each item on a line of its own, compact, keys sorted."""
    return "[\n" + ",\n".join(canonical_json(item) for item in items) + "\n]\n"


def sha256_of_file(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def dumps_document(document: dict, listed_key: str) -> str:
    """``document`` as JSON with sorted keys, each entry of ``document[listed_key]`` (a list or
    an object) on a line of its own, everything else compact: small diffs, no indentation cost."""
    lines = ["{"]
    keys = sorted(document)
    for n, key in enumerate(keys):
        comma = "," if n + 1 < len(keys) else ""
        value = document[key]
        if key != listed_key:
            lines.append(f"{json.dumps(key)}:{canonical_json(value)}{comma}")
            continue
        if isinstance(value, dict):
            entries = [f"{json.dumps(k)}:{canonical_json(value[k])}" for k in sorted(value)]
            opening, closing = "{", "}"
        else:
            entries = [canonical_json(v) for v in value]
            opening, closing = "[", "]"
        lines.append(f"{json.dumps(key)}:{opening}")
        lines.extend(entry + ("," if i + 1 < len(entries) else "") for i, entry in enumerate(entries))
        lines.append(closing + comma)
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_text(path: str, text: str) -> None:
    """Writes ``path`` atomically: a temporary file in the same folder, then a rename."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(temporary, path)
