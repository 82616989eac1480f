#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time; fails on any crash, leak,
# timeout or trap.  A crash leaves its input in BUILD/fuzz-artifacts/: copy it
# into tests/fuzz/regressions/TARGET/ so that every build replays it.
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET
set -euo pipefail
build=$1 seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-artifacts"
status=0
while read -r target seeds; do
  [ -n "$target" ] || continue
  corpus="$build/fuzz-corpus/$target" seed_dir="$build/fuzz-seeds/$target"
  mkdir -p "$corpus" "$seed_dir"
  for seed in $seeds "$here/regressions/$target"; do
    if [ -d "$seed" ]; then find "$seed" -type f ! -name .keep -exec cp -t "$seed_dir" {} +; else cp "$seed" "$seed_dir"; fi
  done
  echo "== fuzz_$target for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -dict="$here/healthact.dict" \
       -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$build/fuzz-artifacts/$target-" "$corpus" "$seed_dir" \
       > "$build/fuzz-$target.log" 2>&1; then
    echo "fuzz_$target FAILED: see $build/fuzz-$target.log and $build/fuzz-artifacts/"
    tail -40 "$build/fuzz-$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$target.log" | tr '\n' ' '
    echo
  fi
done < "$build/tests/fuzz/seeds.txt"
exit $status
