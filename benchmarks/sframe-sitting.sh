#!/usr/bin/env bash
# One sitting of the SFrame comparison in benchmarks/README.md: Sealmeet over the JDK's provider and
# over Amazon Corretto Crypto Provider (ACCP), with the raw AES-128-GCM baseline of each, on JDK 17
# and JDK 25. With AVX2=1, the same again with AVX-512 turned off: -XX:UseAVX=2 for the JDK and
# OPENSSL_ia32cap masking AVX-512, VAES and VPCLMULQDQ for AWS-LC (ACCP). The native reference
# (cisco/sframe and the raw OpenSSL EVP floor) is measured outside this repository; put its output
# in the results directory as native.txt (and native-avx2.txt) for sitting-tables.py.
#
#   mvn -B -o -DskipTests package -pl benchmarks -am
#   AVX2=1 benchmarks/sframe-sitting.sh results-dir
#
# Settings: one fork, 3 x 1 s warm-up, 5 x 1 s measurement, -prof gc; suites 1 and 4; 64 B, 1,200 B,
# 16 KiB and 100 KiB. About 3.5 minutes per JVM configuration.
#
# Then the precision stage: the cells with the 1.05x target (suite 4 and raw AES-GCM at 16 KiB and
# 100 KiB, both providers) again with 3 forks x 10 x 1 s, about 5.5 minutes per JVM configuration.
# PRECISE_ONLY=1 runs only that stage (into the same directory). Tables: sitting-tables.py. Each
# X.json gets its X.env.json (CPU, load average at start and end, date, commit: Report env).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/benchmarks/results/sitting}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
jar="$root/benchmarks/target/benchmarks.jar"
# CPUID(7) EBX: AVX512F/DQ/IFMA/CD/BW/VL; ECX: VAES, VPCLMULQDQ (OpenSSL and AWS-LC syntax).
no_avx512=":~0x600D0230000"
jmh=(-f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc -p suite=1,4 -p size=64,1200,16384,102400)
pattern='SframeRoundTripBenchmark|RawAesGcmBenchmark.encryptDecrypt'

precise=(-f 3 -wi 3 -w 1s -i 10 -r 1s -p suite=4 -p size=16384,102400)
precise_pattern='SframeRoundTripBenchmark.protectUnprotect|RawAesGcmBenchmark.encryptDecrypt'

{ uptime; grep -m1 'model name' /proc/cpuinfo;
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' \
    | grep -xE 'aes|pclmulqdq|sha_ni|avx2|avx512f|avx512bw|avx512vl|vaes|vpclmulqdq' | tr '\n' ' ')"
  "$jdk17" -version 2>&1 | head -1; "$jdk25" -version 2>&1 | head -1; openssl version; } \
  >> "$out/machine.txt"

run_jmh() { # name java pattern "jmh args" [jvm flags...]
  local name="$1" java="$2" what="$3"; shift 3
  local -a args; read -r -a args <<< "$1"; shift
  local jvmargs=()
  if [[ $# -gt 0 ]]; then jvmargs=(-jvmArgsAppend "$*"); fi
  echo "== $name ($(uptime))" | tee -a "$out/machine.txt"
  rm -f "$out/$name.env.json"
  env_sidecar "$out/$name.json" # CPU, load at start, date, commit (benchmarks/README.md)
  "$java" -jar "$jar" "$what" "${args[@]}" "${jvmargs[@]}" -rf json -rff "$out/$name.json" \
    > "$out/$name.log" 2>&1
  env_sidecar "$out/$name.json" # load at end
}
env_sidecar() { (cd "$root" && "$jdk17" -cp "$jar" dev.sealmeet.bench.report.Report env "$1" > /dev/null); }
run_jvm() { run_jmh "$1" "$2" "$pattern" "${jmh[*]}" "${@:3}"; }
run_precise() { run_jmh "$1" "$2" "$precise_pattern" "${precise[*]}" "${@:3}"; }

if [[ "${PRECISE_ONLY:-0}" != 1 ]]; then
  run_jvm jdk17 "$jdk17"
  run_jvm jdk25 "$jdk25"
  if [[ "${AVX2:-0}" == 1 ]]; then
    (export OPENSSL_ia32cap="$no_avx512"
     run_jvm jdk17-avx2 "$jdk17" -XX:UseAVX=2
     run_jvm jdk25-avx2 "$jdk25" -XX:UseAVX=2)
  fi
fi
run_precise jdk17-precise "$jdk17"
run_precise jdk25-precise "$jdk25"
if [[ "${AVX2:-0}" == 1 ]]; then
  (export OPENSSL_ia32cap="$no_avx512"
   run_precise jdk17-avx2-precise "$jdk17" -XX:UseAVX=2
   run_precise jdk25-avx2-precise "$jdk25" -XX:UseAVX=2)
fi
uptime >> "$out/machine.txt"
