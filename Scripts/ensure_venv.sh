#!/usr/bin/env bash
# Creates (once) or reuses the Python virtual environment that holds the pinned reference
# requirements, in a cache folder outside the clone, and prints the path of its interpreter.
#
#   bash Scripts/ensure_venv.sh                              # Reference/requirements.txt (torch)
#   bash Scripts/ensure_venv.sh Benchmarks/requirements.txt  # another requirements file
#
#   MICROGRAD_VENV   use this venv instead of the cached one (for Reference/requirements.txt only)
#   MICROGRAD_CACHE  cache folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd)
#
# The venv's name carries a hash of the requirements file, so a new pin makes a new venv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
req=${1:-$root/Reference/requirements.txt}
cache=${MICROGRAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd}
hash=$(sha256sum "$req" | cut -c1-12)
venv=$cache/venv-$hash
if [ $# -eq 0 ]; then venv=${MICROGRAD_VENV:-$venv}; fi
python=${MICROGRAD_BASE_PYTHON:-python3}

if [ ! -f "$venv/.complete" ]; then
  echo "setting up $venv with $req (once; the reference's torch is ~5 GB)" >&2
  mkdir -p "$(dirname "$venv")"
  rm -rf "$venv"   # a half-built venv from an interrupted run
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  touch "$venv/.complete"
fi
echo "$venv/bin/python"
