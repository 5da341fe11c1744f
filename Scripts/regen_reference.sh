#!/usr/bin/env bash
# Regenerates the parity reference files with PyTorch, then says what changed.
#
#   bash Scripts/regen_reference.sh           rewrite Reference/cases/{ops,corpus}.json and
#                                             Reference/goldens/*.json (each file atomically)
#   bash Scripts/regen_reference.sh --check   regenerate into a temporary folder only; exit 1
#                                             with the summary if the checked-in files differ
#
# Steps: Reference/author_cases.py writes the case definitions of the program families,
# Reference/generate.py runs every case (and every model of Reference/cases/models.json, which
# is written by hand) with torch and writes the goldens, Reference/compare_reference.py lists
# the cases added, removed and changed, with the worst ulp between old and new numbers.
# The interpreter comes from Scripts/ensure_venv.sh (a venv outside the clone).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
reference="$root/Reference"

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

python=$(bash "$root/Scripts/ensure_venv.sh")
if $check; then
  out=$(mktemp -d)
else
  out=$(mktemp -d "$reference/.regen.XXXXXX")   # same file system: the final moves are renames
fi
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/cases" "$out/goldens"
if [ -f "$reference/cases/models.json" ]; then
  cp "$reference/cases/models.json" "$out/cases/models.json"
fi
if [ -f "$reference/cases/frozen.json" ]; then   # live-torch seeds frozen by Scripts/freeze_seed.sh
  cp "$reference/cases/frozen.json" "$out/cases/frozen.json"
fi

start=$SECONDS
"$python" "$reference/author_cases.py" --out "$out/cases" >/dev/null
"$python" "$reference/generate.py" --cases "$out/cases" --out "$out/goldens" >/dev/null
rm -f "$out/cases/models.json" "$out/cases/frozen.json"

files=()
for path in "$out"/cases/*.json "$out"/goldens/*.json "$reference"/goldens/*.json; do
  [ -e "$path" ] || continue
  name=${path#"$out/"}
  name=${name#"$reference/"}
  case " ${files[*]-} " in *" $name "*) ;; *) files+=("$name") ;; esac
done

set +e
# The freshness check accepts goldens generated on another machine when the numbers are the same
# (compare_reference.py --machine-may-differ); regenerating rewrites their provenance.
machine=()
if $check; then machine=(--machine-may-differ); fi
summary=$(cd "$reference" && "$python" compare_reference.py "${machine[@]}" "$reference" "$out" "${files[@]}")
status=$?
set -e
if [ $status -gt 1 ]; then
  echo "$summary" >&2
  exit $status
fi

if $check; then
  if [ $status -eq 0 ]; then
    if [ -n "$summary" ]; then echo "$summary"; fi
    echo "OK: reference files are up to date (${#files[@]} files regenerated with the same numbers in $((SECONDS - start)) s)"
    exit 0
  fi
  echo "reference files are out of date; run: bash Scripts/regen_reference.sh"
  echo "$summary"
  exit 1
fi

for name in "${files[@]}"; do
  if [ -f "$out/$name" ]; then
    mkdir -p "$(dirname "$reference/$name")"
    mv -f "$out/$name" "$reference/$name"
  else
    rm -f "$reference/$name"
  fi
done
if [ $status -eq 0 ]; then
  echo "no changes (${#files[@]} files regenerated identically in $((SECONDS - start)) s)"
else
  echo "$summary"
  echo "regenerated in $((SECONDS - start)) s"
fi
