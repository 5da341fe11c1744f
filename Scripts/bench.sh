#!/usr/bin/env bash
# The side-by-side benchmark: this engine (the `Loss` API form and the plain-operator form),
# the hand-written loop, karpathy's micrograd (PyPI, unmodified), torch with one 0-dim float64
# tensor per scalar, and torch batched (nn.Linear, float64; 1 thread and the default), on the
# same data and initial weights, for the moons, yin-yang and lecture runs of
# Reference/cases/models.json; then the engine on the 1,000,000-deep chain, and the engine and
# torch scalar on a random 1,000,000-node graph. Prints Markdown tables (the README's speed
# section shows one run).
#
#   bash Scripts/bench.sh              # the full run (4–5 minutes on the shared 2-core VM)
#   bash Scripts/bench.sh --smoke      # CI: the debug build, 2 rounds of 2 steps, graphs of
#                                      # 100,000 nodes, no peak RSS of the Python peers
#   bash Scripts/bench.sh [options]    # passed to MicrogradBenchmark --side-by-side:
#       --steps N (100)  --rounds N (31)  --slow-rounds N (5)  --workloads moons,yinyang,lecture
#       --peers micrograd,torch-scalar,torch-batched-1,torch-batched (all)  --no-peers
#
# Timing runs in one process, in alternating rounds: MicrogradBenchmark embeds the reference
# venv's CPython and torch (MicrogradTorch's bridge) and calls Benchmarks/peers.py, which times
# each peer's steps itself. Every step is timed on its own; a round counts the median of its
# steps, so a preemption by another process does not count against the side with long rounds. micrograd is installed from Benchmarks/requirements.txt into a venv
# of its own, cached like the reference venv (Scripts/ensure_venv.sh). Peak RSS is measured in
# a separate process per implementation and workload (it cannot be told apart in one process).
set -euo pipefail
cd "$(dirname "$0")/.."

command="bash Scripts/bench.sh${*:+ $*}"
configuration=release
graph_nodes=1000000
rss_steps=3
peer_rss=true
options=()
if [ "${1:-}" = "--smoke" ]; then
  shift
  configuration=debug
  graph_nodes=100000
  rss_steps=1
  peer_rss=false   # a torch import per process: most of the smoke run's time
  options=(--steps 2 --rounds 2 --slow-rounds 1)
fi
options+=("$@")

python=$(bash Scripts/ensure_venv.sh)
micrograd_python=$(bash Scripts/ensure_venv.sh Benchmarks/requirements.txt)
MICROGRAD_BENCH_MICROGRAD=$("$micrograd_python" -c 'import micrograd, os; print(os.path.dirname(os.path.dirname(micrograd.__file__)))')
export MICROGRAD_PYTHON="$python" MICROGRAD_BENCH_MICROGRAD

swift build -c "$configuration" --product MicrogradBenchmark >&2
bench="$(swift build -c "$configuration" --show-bin-path)/MicrogradBenchmark"

echo "\`$command\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $configuration build."
echo

# Peak RSS: each implementation alone in its own process, a few steps of each workload.
workloads=moons,yinyang,lecture
for ((i = 0; i < ${#options[@]}; i++)); do
  if [ "${options[i]}" = "--workloads" ]; then workloads=${options[i + 1]}; fi
done
rss=$(mktemp)
workload_json=$(mktemp)
trap 'rm -f "$rss" "$workload_json"' EXIT
for workload in ${workloads//,/ }; do
  for implementation in engine-api engine-plain hand-written; do
    line=$("$bench" --side-by-side --only "$implementation" --workloads "$workload" --steps 10 --rounds "$rss_steps")
    echo "$workload $implementation $(echo "$line" | "$python" -c 'import json, sys; r = json.load(sys.stdin); print(r["peakKB"], r["baselineKB"])')" >>"$rss"
  done
  if [ "$peer_rss" = false ]; then continue; fi
  "$bench" --side-by-side --workload-json "$workload" >"$workload_json"
  for implementation in micrograd torch-scalar torch-batched-1 torch-batched; do
    interpreter=$python
    if [ "$implementation" = micrograd ]; then interpreter=$micrograd_python; fi
    line=$("$interpreter" Benchmarks/peers.py rss "$workload_json" "$implementation" "$rss_steps")
    echo "$workload $implementation $(echo "$line" | "$python" -c 'import json, sys; r = json.load(sys.stdin); print(r["peakKB"], r["baselineKB"])')" >>"$rss"
  done
done

"$bench" --side-by-side --rss "$rss" "${options[@]}"
"$bench" --side-by-side --graphs --graph-nodes "$graph_nodes"
# The random graph's other rows (the table above ends with the engine's).
"$python" Benchmarks/peers.py graph "$graph_nodes"
echo "| karpathy's micrograd 0.1.0 | — (its \`backward()\` sorts the graph recursively, and this graph is a chain through all of its nodes: far past Python's recursion limit) | — |"
