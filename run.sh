#!/usr/bin/env bash
# Installs what healthact needs, builds it, and runs the main job on the
# bundled example: checks the seed frameworks, then assesses the six Zhangye
# counties' 2022 figures against the Zhangye framework and prints the ranking.
set -euo pipefail
cd "$(dirname "$0")"

tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build

build/tools/healthact check examples/zhangye.ha examples/liuzhou.ha examples/ganzhou.ha
build/tools/healthact assess examples/zhangye.ha examples/zhangye-counties-2020-2022.csv \
  --year 2022 --units examples/zhangye-units.csv --level 县区
