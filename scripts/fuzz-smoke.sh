#!/usr/bin/env bash
# fuzz-smoke.sh FUZZER RUNS [SEED_CORPUS_DIR]
# Runs a libFuzzer target for a bounded number of inputs with a fixed seed, starting from the
# committed seed corpus (read-only: new inputs go to a temporary directory that is removed).
set -euo pipefail
fuzzer="$1"
runs="$2"
seeds="${3:-}"

if [ ! -x "$fuzzer" ]; then
  echo "fuzz-smoke: $fuzzer was not built" >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dirs=("$scratch")
[ -n "$seeds" ] && [ -d "$seeds" ] && dirs+=("$seeds")

cd "$scratch"
"$fuzzer" -runs="$runs" -seed=1 -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
  -artifact_prefix="$scratch/" -print_final_stats=1 "${dirs[@]}" 2>"$scratch/log" || {
  status=$?
  tail -n 60 "$scratch/log" >&2
  for artifact in "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* "$scratch"/oom-*; do
    [ -e "$artifact" ] && echo "fuzz-smoke: failing input (hex): $(od -An -tx1 -v "$artifact" | tr -d " \n" | head -c 2000)" >&2
  done
  exit "$status"
}
grep -E 'stat::number_of_executed_units|Done' "$scratch/log" || true
