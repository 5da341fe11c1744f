#!/usr/bin/env bash
# Freezes a live seed's programs into the golden corpus: the random programs the live suite
# (Tests/LiveTorchTests, `LIVE seed=SEED`) ran for SEED become cases of the `frozen` family,
# checked offline against goldens from then on.
#
#   bash Scripts/freeze_seed.sh SEED [COUNT]
#
# Adds programs 0 to COUNT-1 (default 1000) of SEED, named seed-SEED/00000, seed-SEED/00001, …,
# to Reference/cases/frozen.json, keeping the cases already there, sorted by name (the same
# bytes for the same seeds, whatever the order they were frozen in), then runs
# Scripts/regen_reference.sh so the goldens include them. A live failure in case
# seed-SEED/NNNNN needs a COUNT above NNNNN.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: $0 SEED [COUNT]   (unsigned integers; COUNT defaults to 1000)"

if [ $# -lt 1 ] || [ $# -gt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]] || ! [[ ${2:-1000} =~ ^[1-9][0-9]*$ ]]; then
  echo "$usage" >&2
  exit 2
fi

python=$(bash "$root/Scripts/ensure_venv.sh")
"$python" "$root/Reference/live.py" freeze "$1" "${2:-1000}" --cases "$root/Reference/cases"
bash "$root/Scripts/regen_reference.sh"

if [ ! -f "$root/Reference/goldens/frozen.json" ]; then
  echo "error: Reference/goldens/frozen.json was not generated: the frozen family is not registered" \
       "with Reference/generate.py and Scripts/regen_reference.sh" >&2
  exit 1
fi
