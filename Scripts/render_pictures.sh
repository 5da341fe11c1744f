#!/usr/bin/env bash
# Regenerates the pictures the README and the documentation show, from the commands that make
# them, into Sources/Micrograd/Documentation.docc/Resources/:
#   moons-boundary.svg  swift run micrograd demo moons   (karpathy's moons MLP after 100 steps)
#   neuron.svg          swift run micrograd graph        (the lecture's neuron, drawn by Graphviz)
# Needs Graphviz's dot (bash Scripts/install_picture_tools.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "Graphviz's dot is missing: bash Scripts/install_picture_tools.sh" >&2; exit 1; }

resources=Sources/Micrograd/Documentation.docc/Resources
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build --product micrograd >/dev/null
micrograd=$(swift build --show-bin-path)/micrograd
"$micrograd" demo moons --quiet --out "$work"
"$micrograd" graph --out "$work"
mkdir -p "$resources"
cp "$work/moons-boundary.svg" "$resources/moons-boundary.svg"
cp "$work/neuron.svg" "$resources/neuron.svg"
echo "wrote $resources/moons-boundary.svg and $resources/neuron.svg"
