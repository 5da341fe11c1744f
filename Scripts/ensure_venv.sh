#!/usr/bin/env bash
# Creates (once) or reuses the Python virtual environment that holds the pinned reference
# requirements, in a cache folder outside the clone, and prints the path of its interpreter.
# This script is the one statement of where that venv is: .ci/run, regen_reference.sh and the
# Swift side (MicrogradTorch's PythonInstallation) ask it instead of computing the path.
#
#   bash Scripts/ensure_venv.sh [REQUIREMENTS]           create the venv if needed; print its interpreter
#   bash Scripts/ensure_venv.sh --where [REQUIREMENTS]   print the venv's folder, creating nothing
#   bash Scripts/ensure_venv.sh --cache                  print the cache folder, creating nothing
#
# REQUIREMENTS is Reference/requirements.txt (torch, mpmath) unless given, such as
# Benchmarks/requirements.txt (karpathy's micrograd for Scripts/bench.sh).
#
#   MICROGRAD_VENV   use this venv instead of the cached one (for Reference/requirements.txt only)
#   MICROGRAD_CACHE  cache folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd)
#
# The venv's name carries a hash of the requirements file (the first 12 hex digits of its
# SHA-256), so a new pin makes a new venv. A venv is complete once it holds `.complete`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${MICROGRAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd}
mode=create
case "${1:-}" in
  --cache) echo "$cache"; exit 0 ;;
  --where) mode=where; shift ;;
  -*) echo "usage: $0 [--where | --cache] [REQUIREMENTS]" >&2; exit 2 ;;
esac
req=${1:-$root/Reference/requirements.txt}
if [ ! -f "$req" ]; then echo "$0: no requirements file $req" >&2; exit 2; fi
if command -v sha256sum >/dev/null; then
  hash=$(sha256sum "$req" | cut -c1-12)
else  # macOS has shasum instead
  hash=$(shasum -a 256 "$req" | cut -c1-12)
fi
venv=$cache/venv-$hash
if [ $# -eq 0 ]; then venv=${MICROGRAD_VENV:-$venv}; fi
if [ "$mode" = where ]; then echo "$venv"; exit 0; fi
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
