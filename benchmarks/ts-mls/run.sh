#!/usr/bin/env bash
# ts-mls beside Sealmeet on the same lived-in trees (issue 20); see "Peers on lived-in trees" in
# benchmarks/README.md.
#
#   benchmarks/ts-mls/run.sh [SIZES [TREE [OUT.json [bench.mjs options...]]]]
#
# SIZES default 2,10,100,1000; TREE realistic (or half); OUT default
# benchmarks/results/peers-tsmls-TREE-DATE.json. Builds the benchmark jar and installs ts-mls
# (npm ci, the pinned version) when missing. The exchange files go to
# $SEALMEET_PEERS_DIR (default ~/.cache/sealmeet-bench/peers/ts-mls): throw-away private keys,
# never commit them. Exits non-zero, and keeps no result, if interop fails anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${1:-2,10,100,1000}
tree=${2:-realistic}
out=${3:-$root/benchmarks/results/peers-tsmls-$tree-$(date -u +%F).json}
shift $(( $# < 3 ? $# : 3 ))
jar=$root/benchmarks/target/benchmarks.jar
dir=${SEALMEET_PEERS_DIR:-$HOME/.cache/sealmeet-bench/peers/ts-mls}
case "$out" in /*) ;; *) out=$PWD/$out ;; esac
cd "$root" # Report env asks git for the commit measured

if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package)
fi
if [ ! -d "$here/node_modules/ts-mls" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
mkdir -p "$dir"
rm -f "$(dirname "$out")/$(basename "$out" .json).env.json"

echo "ts-mls peer: KeyPackage" >&2
node "$here/bench.mjs" keypackage "$dir"
echo "Sealmeet: the lived-in groups add the peer ($sizes, $tree)" >&2
java -cp "$jar" dev.sealmeet.bench.PeerExchange prepare "$dir" "$sizes" "$tree"
java -cp "$jar" dev.sealmeet.bench.report.Report env "$out" >/dev/null
echo "ts-mls peer: join, process, create" >&2
node "$here/bench.mjs" bench "$dir" "$sizes" "$tree" "$out" "$@"
java -cp "$jar" dev.sealmeet.bench.report.Report env "$out" >/dev/null
echo "Sealmeet: leaf 0 processes the peer's commits" >&2
if ! java -cp "$jar" dev.sealmeet.bench.PeerExchange verify "$dir" "$sizes" "$tree"; then
  rm -f "$out" "$(dirname "$out")/$(basename "$out" .json).env.json"
  exit 1
fi
echo "wrote $out" >&2
