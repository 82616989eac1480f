#!/usr/bin/env bash
# Installs the Debian 12 packages healthact builds with.  Runs apt-get only
# when something is missing, as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost-dev          # Spirit X3, Multiprecision (headers)
  libboost-locale-dev gettext  # the message catalogs: Boost.Locale reads them, msgfmt compiles them
  libabsl-dev           # Abseil: Status, StatusOr, StrFormat
  libgtest-dev libgmock-dev
  libbenchmark-dev
  abigail-tools         # abidiff: the C ABI against its committed baseline
  libzip-dev libpugixml-dev libxlsxwriter-dev   # .xlsx in (import) and out (reports)
  libsqlite3-dev                                # the assessment round's store
  nettle-dev                                    # SHA-256 of the decision records
  libicu-dev                                    # Chinese collation: the order offices list names in
  libsimdjson-dev                               # its UTF-8 validator: a data file's bytes checked at GB/s
  nlohmann-json3-dev                            # reading a round's history as JSON lines (header-only)
  chromium fonts-wqy-zenhei                     # the HTML report test renders in headless Chromium
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # fuzzing with libFuzzer
  valgrind                                      # the C interface under memcheck
  python3-pandas                                # the binding's DataFrames (under /usr/bin/python3)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
