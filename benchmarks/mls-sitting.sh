#!/usr/bin/env bash
# One sitting of the MLS group benchmarks on lived-in trees (issue 20): Sealmeet and BouncyCastle
# MLS in JMH, then ts-mls under Node, on the same cached trees, one after the other on an otherwise
# idle machine, each result with its .env.json sidecar (CPU, load average at start and end, commit).
#
#   benchmarks/mls-sitting.sh [TAG [TREE]]
#
# TAG default today's date (UTC): results go to benchmarks/results/mls-lived-TAG-{commit,join,ops}.json
# (N = 2, 10, 100), mls-lived-TAG-{commit,join,ops}-large.json (N = 1,000 and 10,000) and
# peers-tsmls-TREE-TAG.json. TREE default realistic (or half).
#
# JMH options: SMALL_OPTS (default "-f 2 -wi 8 -w 1s -i 8 -r 1s") and LARGE_OPTS (default
# "-f 2 -wi 20 -w 1s -i 8 -r 1s"). PARTS (default "small large tsmls") picks which of the three
# groups run: the N = 2, 10, 100 files, the 1,000 and 10,000 files, ts-mls. The large trees
# need the long warm-up: at 1,000 and 10,000 members a commit's time falls for 10 to 17
# one-second iterations (the JIT compiling behind the fixture's own setup) before it is steady,
# 5 to 10 times the steady score at first. About 90 minutes in all on 2 cores (small: 30); ts-mls stops at 1,000. Refuses to start while the one-minute load
# average is above 0.5 (FORCE=1 runs anyway). Build the trees first (RealisticGroupFixture main,
# see "Lived-in trees"): the 10,000-member ones take minutes each. Then regenerate the README
# with Report readme after adding the files to Section.all().
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tag=${1:-$(date -u +%F)}
tree=${2:-realistic}
small=${SMALL_OPTS:-"-f 2 -wi 8 -w 1s -i 8 -r 1s"}
large=${LARGE_OPTS:-"-f 2 -wi 20 -w 1s -i 8 -r 1s"}
parts=" ${PARTS:-small large tsmls} "
load=$(cut -d' ' -f1 /proc/loadavg)
if [ "${FORCE:-0}" != 1 ] && awk "BEGIN { exit !($load > 0.5) }"; then
  echo "refusing to start: the one-minute load average is $load (FORCE=1 runs anyway)" >&2
  ps -eo pcpu,comm --sort=-pcpu | head -5 >&2
  exit 1
fi
jar=$root/benchmarks/target/benchmarks.jar
results=$root/benchmarks/results
report="java -cp $jar dev.sealmeet.bench.report.Report"
jmh="java -jar $jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package)

run() { # OUT PATTERN MEMBERS OPTS
  case $1 in
    *-large.json) [[ $parts == *" large "* ]] || return 0 ;;
    *) [[ $parts == *" small "* ]] || return 0 ;;
  esac
  local out=$results/$1
  $report env "$out" >/dev/null
  # shellcheck disable=SC2086
  $jmh "$2" -p tree="$tree" -p members="$3" $4 -rf json -rff "$out"
  $report env "$out" >/dev/null
  echo "wrote $out" >&2
}
cd "$root"
commit='bench\.Commit(Create|Process)Benchmark\.(sealmeet|bouncycastle)$'
run "mls-lived-$tag-commit.json" "$commit" 2,10,100 "$small"
run "mls-lived-$tag-commit-large.json" "$commit" 1000,10000 "$large"
# JoinBenchmark's members count the joiner: N + 1 joins the cached N-member tree, as ts-mls does.
join='bench\.JoinBenchmark\.(sealmeet|bouncycastle)$'
run "mls-lived-$tag-join.json" "$join" 3,11,101 "$small"
run "mls-lived-$tag-join-large.json" "$join" 1001,10001 "$large"
run "mls-lived-$tag-ops.json" \
  'bench\.(ExternalJoinBenchmark|ApplicationMessageBenchmark|KeyPackageBenchmark)\.' \
  2,10,100 "$small"
run "mls-lived-$tag-ops-large.json" 'bench\.(ExternalJoinBenchmark|ApplicationMessageBenchmark)\.' \
  1000,10000 "$large"
[[ $parts == *" tsmls "* ]] || exit 0
"$root/benchmarks/ts-mls/run.sh" 2,10,100,1000 "$tree" "$results/peers-tsmls-$tree-$tag.json" \
  --rounds 12 --round-ms 1500 --warmup-ms 1000
