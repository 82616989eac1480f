#!/usr/bin/env bash
# A fuzzing campaign, outside CI: each target runs a number of inputs with
# the flags of run.sh (ASan, UBSan, the dictionary, the seeds and every
# regression), one target after another on one core.  The inputs are run in
# chunks of CHUNK (libFuzzer's -runs, default 1 000 000), each on the corpus
# the chunks before it grew.  The record lives in the source tree, not the
# build, because a build directory does not outlive a working session:
# a target's total so far is kept in tests/fuzz/campaign/totals/TARGET, and
# every chunk adds a line to tests/fuzz/campaign/chunks.tsv:
#   date  commit  target  runs  seconds  exec/s  peak_rss_mb  corpus_files  result  total
# Commit both, and a campaign stopped part-way (a session's end) loses only
# its current chunk; the same command carries on, from any checkout, until
# the target has RUNS inputs.  The commit is the source tree's HEAD when the
# campaign started, "+" when it had uncommitted changes (build BUILD from it),
# or COMMIT when that is set: the commit BUILD was built from.
# A crash leaves its input in BUILD/fuzz-artifacts/ (copy it into
# tests/fuzz/regressions/TARGET/ so that every build replays it), ends that
# target's campaign, and the next target follows.  docs/fuzzing.md records
# campaigns.
# libFuzzer's -timeout counts wall-clock seconds (TIMEOUT, default 10): a
# campaign at nice 19 beside a CI run gets a sliver of a core, so an input of
# a few hundred milliseconds can pass 10 s.  Beside CI, give TIMEOUT=60; a
# timeout is then an input that is slow, not a starved one (the first found,
# a quadratic in reading a table, was both).
# FLAGS adds libFuzzer flags, recorded in the chunk's last column (flags).
# The one used so far is -entropic=0: clang-14's libFuzzer scans its list of
# rare features for every feature of every input (LLVM fixed that in 18,
# commit bede46f57eec), which was half of fuzz_capi's time; without entropic
# scheduling fuzz_capi ran 3.6 times the inputs in 40 s and reached more
# edges (docs/fuzzing.md).
# Two campaigns of one target may run at once, one a core (the same command
# twice): they share the corpus, each chunk keeps its own log, and a chunk's
# inputs are added to the total, and its line written, under a lock
# (totals/TARGET.lock, ignored by git).  Both may begin the last chunk, so a
# total may pass RUNS by up to a chunk.
# usage: [CHUNK=N] [COMMIT=REV] [TIMEOUT=S] [FLAGS=...] tests/fuzz/campaign.sh BUILD_DIR RUNS [TARGET...]   (in that order; default: every target)
set -uo pipefail
build=$1 runs=$2
shift 2
chunk=${CHUNK:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
record="$here/campaign"
mkdir -p "$build/fuzz-artifacts" "$record/totals"
[ -f "$record/chunks.tsv" ] ||
  printf 'date\tcommit\ttarget\truns\tseconds\texec/s\tpeak_rss_mb\tcorpus_files\tresult\ttotal\tflags\n' > "$record/chunks.tsv"
if [ -n "${COMMIT:-}" ]; then
  commit=$COMMIT  # the commit BUILD was built from, when HEAD has moved on since
else
  commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$here" diff --quiet HEAD -- 2>/dev/null || commit="$commit+"
fi
read -r -a flags <<< "${FLAGS:-}"
status=0
# The targets in the order given (the slow ones last), else in seeds.txt's.
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cut -d' ' -f1 "$build/tests/fuzz/seeds.txt")
for target in "${targets[@]}"; do
  seeds=$(sed -n "s/^$target //p" "$build/tests/fuzz/seeds.txt")
  if [ -z "$seeds" ]; then echo "no fuzz target $target" >&2; status=1; continue; fi
  corpus="$build/fuzz-corpus/$target" seed_dir="$build/fuzz-seeds/$target"
  total_file="$record/totals/$target"
  mkdir -p "$corpus" "$seed_dir"
  for seed in $seeds "$here/regressions/$target"; do
    if [ -d "$seed" ]; then find "$seed" -type f ! -name .keep -exec cp -t "$seed_dir" {} +; else cp "$seed" "$seed_dir"; fi
  done
  # Two campaigns of one target may run at once, one a core, on the same
  # corpus: each chunk has its own log, and the total is read and added to
  # under a lock, with the chunk's line, so that neither loses the other's.
  log="$build/campaign-$target.$$.log"
  lock="$total_file.lock"
  while total=$(flock "$lock" cat "$total_file" 2>/dev/null || echo 0); [ "$total" -lt "$runs" ]; do
    this=$(( runs - total < chunk ? runs - total : chunk ))
    echo "== fuzz_$target: $this inputs ($total of $runs done)"
    start=$(date +%s)
    if "$build/tests/fuzz/fuzz_$target" -runs="$this" -dict="$here/healthact.dict" \
         -timeout="${TIMEOUT:-10}" -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 "${flags[@]}" \
         -artifact_prefix="$build/fuzz-artifacts/$target-" "$corpus" "$seed_dir" > "$log" 2>&1; then
      result=ok
    else
      result="FAILED (see $log)"
    fi
    seconds=$(( $(date +%s) - start ))
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    files=$(find "$corpus" -type f | wc -l)
    rate=$(( ${executed:-0} / (seconds > 0 ? seconds : 1) ))
    [ "${executed:-0}" -gt 0 ] || result="FAILED: no inputs run (see $log)"
    {
      flock 9
      total=$(cat "$total_file" 2>/dev/null || echo 0)
      # Only a chunk that ended by itself counts; a crash ends the target.
      [ "$result" = ok ] && total=$(( total + ${executed:-0} )) && echo "$total" > "$total_file"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$commit" "$target" "${executed:-?}" \
        "$seconds" "$rate" "${rss:-?}" "$files" "$result" "$total" "${FLAGS:--}" | tee -a "$record/chunks.tsv"
    } 9> "$lock"
    if [ "$result" != ok ]; then status=1; break; fi
  done
done
exit $status
