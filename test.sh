#!/usr/bin/env bash
# Runs every test: the C++ suites, the C client, the Python binding and the
# command-line tests through ctest, in a normal build; the whole suite again
# in a Debug build with AddressSanitizer and UndefinedBehaviorSanitizer
# (Boost's own assertions on); and the threaded tests under ThreadSanitizer.
# Fails if any fails.
set -euo pipefail
cd "$(dirname "$0")"

tools/install-deps.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHEALTHACT_SANITIZE=ON \
  -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEALTHACT_TSAN=ON \
  -DHEALTHACT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-tsan --target healthact_tests
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -R '^Threads\.'
