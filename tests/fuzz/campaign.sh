#!/usr/bin/env bash
# A fuzzing campaign, outside CI: each target runs an exact number of inputs
# (libFuzzer's -runs), with the flags of run.sh (ASan, UBSan, the dictionary,
# the seeds and every regression), one target after another on one core, and
# each target's figures go to BUILD/campaign.tsv:
#   target  runs  seconds  exec/s  peak_rss_mb  corpus_files  result
# A crash leaves its input in BUILD/fuzz-artifacts/ (copy it into
# tests/fuzz/regressions/TARGET/ so that every build replays it) and the
# campaign goes on with the next target.  docs/fuzzing.md records campaigns.
# usage: tests/fuzz/campaign.sh BUILD_DIR RUNS [TARGET...]   (in that order; default: every target)
set -uo pipefail
build=$1 runs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-artifacts"
[ -f "$build/campaign.tsv" ] ||
  printf 'target\truns\tseconds\texec/s\tpeak_rss_mb\tcorpus_files\tresult\n' > "$build/campaign.tsv"
status=0
# The targets in the order given (the slow ones last), else in seeds.txt's.
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cut -d' ' -f1 "$build/tests/fuzz/seeds.txt")
for target in "${targets[@]}"; do
  seeds=$(sed -n "s/^$target //p" "$build/tests/fuzz/seeds.txt")
  if [ -z "$seeds" ]; then echo "no fuzz target $target" >&2; status=1; continue; fi
  corpus="$build/fuzz-corpus/$target" seed_dir="$build/fuzz-seeds/$target"
  mkdir -p "$corpus" "$seed_dir"
  for seed in $seeds "$here/regressions/$target"; do
    if [ -d "$seed" ]; then find "$seed" -type f ! -name .keep -exec cp -t "$seed_dir" {} +; else cp "$seed" "$seed_dir"; fi
  done
  log="$build/campaign-$target.log"
  echo "== fuzz_$target: $runs inputs"
  start=$(date +%s)
  if "$build/tests/fuzz/fuzz_$target" -runs="$runs" -dict="$here/healthact.dict" \
       -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$build/fuzz-artifacts/$target-" "$corpus" "$seed_dir" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
  fi
  seconds=$(( $(date +%s) - start ))
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  files=$(find "$corpus" -type f | wc -l)
  rate=$(( ${executed:-0} / (seconds > 0 ? seconds : 1) ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "${executed:-?}" "$seconds" "$rate" "${rss:-?}" \
    "$files" "$result" | tee -a "$build/campaign.tsv"
done
exit $status
