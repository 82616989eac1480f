#!/usr/bin/env bash
# Installs what healthact needs, builds it, and runs the main job on the
# bundled examples: checks both seed frameworks (and a county framework that
# extends the city's) and prints their summary.
set -euo pipefail
cd "$(dirname "$0")"

tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build

build/tools/healthact summary examples/zhangye.ha examples/liuzhou.ha examples/ganzhou.ha
