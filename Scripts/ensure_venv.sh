#!/usr/bin/env bash
# Creates (once) or reuses the Python virtual environment that holds the pinned reference
# requirements, in a cache folder outside the clone, and prints the path of its interpreter.
# This script is the one statement of where that venv is: .ci/run, regen_reference.sh and the
# Swift side (MicrogradTorch's PythonInstallation) ask it instead of computing the path.
#
#   bash Scripts/ensure_venv.sh            create the venv if needed; print its interpreter
#   bash Scripts/ensure_venv.sh --where    print the venv's folder, creating nothing
#   bash Scripts/ensure_venv.sh --cache    print the cache folder, creating nothing
#
#   MICROGRAD_VENV   use this venv instead of the cached one
#   MICROGRAD_CACHE  cache folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd)
#
# The venv's name carries a hash of Reference/requirements.txt (the first 12 hex digits of its
# SHA-256), so a new pin makes a new venv. A venv is complete once it holds `.complete`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
req="$root/Reference/requirements.txt"
cache=${MICROGRAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/swift-micrograd}
case "${1:-}" in
  --cache) echo "$cache"; exit 0 ;;
  --where|"") ;;
  *) echo "usage: $0 [--where | --cache]" >&2; exit 2 ;;
esac
if command -v sha256sum >/dev/null; then
  hash=$(sha256sum "$req" | cut -c1-12)
else  # macOS has shasum instead
  hash=$(shasum -a 256 "$req" | cut -c1-12)
fi
venv=${MICROGRAD_VENV:-$cache/venv-$hash}
if [ "${1:-}" = --where ]; then echo "$venv"; exit 0; fi
python=${MICROGRAD_BASE_PYTHON:-python3}

if [ ! -f "$venv/.complete" ]; then
  echo "setting up $venv with $(basename "$req") (torch is ~5 GB; this happens once)" >&2
  mkdir -p "$(dirname "$venv")"
  rm -rf "$venv"   # a half-built venv from an interrupted run
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  touch "$venv/.complete"
fi
echo "$venv/bin/python"
