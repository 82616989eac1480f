#!/usr/bin/env bash
# Runs every test: the C++ suites, the C client, the Python binding and the
# command-line tests through ctest, in a normal build; the whole suite again
# in a Debug build with AddressSanitizer and UndefinedBehaviorSanitizer
# (Boost's own assertions on); the threaded tests under ThreadSanitizer; the
# C interface under Valgrind memcheck; and every libFuzzer target for a
# bounded time (HEALTHACT_FUZZ_SECONDS each, default 30).  Fails if any fails.
set -euo pipefail
cd "$(dirname "$0")"

tools/install-deps.sh

# Developers' and CI builds treat warnings as errors (HEALTHACT_WERROR).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEALTHACT_WERROR=ON >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHEALTHACT_SANITIZE=ON -DHEALTHACT_WERROR=ON \
  -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEALTHACT_TSAN=ON -DHEALTHACT_WERROR=ON \
  -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-tsan --target healthact_tests
# A race may show in one run of several, so each threaded test runs up to five
# times (until it fails): the ListingRanks race of stop 32 showed 10 times in 30.
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -R '^Threads\.' --repeat until-fail:5

# The C interface under Valgrind memcheck: no invalid access, and no leak of
# any kind, still-reachable blocks included (a vendor's strict CI flags them).
memcheck=(valgrind --leak-check=full --errors-for-leak-kinds=all --show-leak-kinds=all
          --error-exitcode=1 -q)
"${memcheck[@]}" build/tests/capi_test examples
mkdir -p build/tests/capi-round-memcheck
"${memcheck[@]}" build/tests/capi_round_test examples build/tests/capi-round-memcheck
"${memcheck[@]}" build/tests/fuzz/replay_capi tests/fuzz/seeds/capi tests/fuzz/regressions/capi

# Fuzzing: clang with libFuzzer, ASan and UBSan; each target for a bounded time.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEALTHACT_WERROR=ON \
  -DHEALTHACT_FUZZ=ON -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz --target fuzz_framework fuzz_organisation fuzz_table fuzz_observations \
  fuzz_capi fuzz_round_history fuzz_xlsx
tests/fuzz/run.sh build-fuzz "${HEALTHACT_FUZZ_SECONDS:-30}"

# A packager's plain Release build, as typed on a fresh machine (no -Werror):
# with GCC exactly so, with Clang the library and the tool.
cmake -S . -B build-release-gcc -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release-gcc --parallel 2  # two cores, as CI has
CC=clang-14 CXX=clang++-14 cmake -S . -B build-release-clang -DCMAKE_BUILD_TYPE=Release \
  -DHEALTHACT_BUILD_TESTS=OFF -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-release-clang
