#!/usr/bin/env bash
# One sitting of the MLS group benchmarks on lived-in trees (issue 20): Sealmeet and BouncyCastle
# MLS in JMH, then ts-mls under Node, on the same cached trees, one after the other on an otherwise
# idle machine, each result with its .env.json sidecar (CPU, load average at start and end, commit).
#
#   benchmarks/mls-sitting.sh [TAG [TREE [JMH options...]]]
#
# TAG default today's date (UTC): results go to benchmarks/results/mls-lived-TAG-{commit,join,ops}.json
# and peers-tsmls-TREE-TAG.json. TREE default realistic (or half). JMH options default
# "-f 1 -wi 4 -w 1s -i 8 -r 1s" (about 25 minutes in all on 2 cores, the 10,000-member trees
# included; ts-mls stops at 1,000). Build the trees first (RealisticGroupFixture main, see
# "Lived-in trees"): the 10,000-member ones take minutes each. Then regenerate the README with
# Report readme after adding the files to Section.all().
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tag=${1:-$(date -u +%F)}
tree=${2:-realistic}
shift $(( $# < 2 ? $# : 2 ))
opts=${*:-"-f 1 -wi 4 -w 1s -i 8 -r 1s"}
jar=$root/benchmarks/target/benchmarks.jar
results=$root/benchmarks/results
report="java -cp $jar dev.sealmeet.bench.report.Report"
jmh="java -jar $jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package)

run() { # OUT PATTERN MEMBERS
  local out=$results/$1
  $report env "$out" >/dev/null
  # shellcheck disable=SC2086
  $jmh "$2" -p tree="$tree" -p members="$3" $opts -rf json -rff "$out"
  $report env "$out" >/dev/null
  echo "wrote $out" >&2
}
cd "$root"
run "mls-lived-$tag-commit.json" 'bench\.Commit(Create|Process)Benchmark\.(sealmeet|bouncycastle)$' \
  2,10,100,1000,10000
# JoinBenchmark's members count the joiner: N + 1 joins the cached N-member tree, as ts-mls does.
run "mls-lived-$tag-join.json" 'bench\.JoinBenchmark\.(sealmeet|bouncycastle)$' 3,11,101,1001,10001
run "mls-lived-$tag-ops.json" \
  'bench\.(ExternalJoinBenchmark|ApplicationMessageBenchmark|KeyPackageBenchmark)\.' \
  2,10,100,1000,10000
"$root/benchmarks/ts-mls/run.sh" 2,10,100,1000 "$tree" "$results/peers-tsmls-$tree-$tag.json" \
  --rounds 8 --round-ms 1500 --warmup-ms 1000
