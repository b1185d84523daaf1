#!/usr/bin/env bash
# Builds the native SFrame reference benchmark: cisco/sframe over Debian's OpenSSL 3 plus our harness
# (sframe_bench.cpp). cisco/sframe's sources are NOT in this repository: pass a checkout (or a bare
# git directory, whose HEAD is exported) as the first argument or in CISCO_SFRAME_SRC.
#
#   apt-get install -y libssl-dev cmake g++
#   benchmarks/native/build.sh /path/to/cisco/sframe     # or CISCO_SFRAME_SRC=/path/to/sframe
#   benchmarks/native/target/sframe_bench 1000 1000 5    # warm-up ms, measure ms, rounds (median, best)
#
# Output goes to benchmarks/native/target/ (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-${CISCO_SFRAME_SRC:-}}"
if [[ -z "$src" ]]; then
  echo "usage: $0 PATH_TO_CISCO_SFRAME (or set CISCO_SFRAME_SRC)" >&2
  exit 2
fi
out="$here/target"
mkdir -p "$out"
if [[ -f "$src/CMakeLists.txt" ]]; then
  tree="$src"
else
  # A bare repository (e.g. a mirror without a work tree): export its HEAD.
  tree="$out/cisco-sframe-src"
  rm -rf "$tree" && mkdir -p "$tree"
  git --git-dir="$src" archive HEAD | tar -x -C "$tree"
  git --git-dir="$src" rev-parse HEAD > "$out/cisco-sframe.commit"
fi
cmake -S "$tree" -B "$out/cisco-build" -DCMAKE_BUILD_TYPE=Release -DCRYPTO=OPENSSL_3 -DTESTING=OFF \
  > "$out/cmake.log"
cmake --build "$out/cisco-build" -j 2 > "$out/make.log"
g++ -std=c++17 -O2 -DNDEBUG -Wall -Wextra \
  -I"$tree/include" -I"$out/cisco-build/include" \
  "$here/sframe_bench.cpp" "$out/cisco-build/libsframe.a" -lcrypto -o "$out/sframe_bench"
echo "built $out/sframe_bench (cisco/sframe $(cat "$out/cisco-sframe.commit" 2>/dev/null || echo "from $tree"))"
