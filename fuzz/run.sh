#!/usr/bin/env bash
# Runs one fuzz target (or all) on stable Rust, one job, with its seeds and dictionary, and prints
# libFuzzer's closing lines (the executions done, and any crash):
#   fuzz/run.sh quantity -runs=20000000
#   fuzz/run.sh all -max_total_time=60
# It runs in the fuzz crate's own target directory (fuzz/target), whatever CARGO_TARGET_DIR says.
# New inputs go to fuzz/corpus/<target>, crashes to fuzz/artifacts/<target>, the whole log to
# fuzz/logs/<target>.log (all ignored by git). With FUZZ_DRY_RUN=1 it prints each command it
# would run instead of running it.
set -euo pipefail
# This script's own path, whole, before the cd: `all` runs it again for each target.
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")"
unset CARGO_TARGET_DIR
target=${1:?usage: fuzz/run.sh <target|all> [libFuzzer options]}
shift
if [ "$target" = all ]; then
  for t in quantity answer scenario set history; do "$self" "$t" "$@"; done
  exit 0
fi
dict=()
[ -f "$target.dict" ] && dict=("-dict=$target.dict")
# The scenario target starts from the presets too.
seeds=("seeds/$target")
[ "$target" = scenario ] && seeds+=(../presets)
if [ -n "${FUZZ_DRY_RUN:-}" ]; then
  echo "cargo fuzz run $target -s none corpus/$target ${seeds[*]} -- ${dict[*]} -print_final_stats=1 $*"
  exit 0
fi
mkdir -p "corpus/$target" logs
status=0
nice cargo fuzz run "$target" -s none "corpus/$target" "${seeds[@]}" -- \
  "${dict[@]}" -print_final_stats=1 "$@" >"logs/$target.log" 2>&1 || status=$?
grep -E '^Done|stat::number_of_executed_units|panicked|SUMMARY|Test unit written' "logs/$target.log" || true
echo "$target: exit $status"
exit "$status"
