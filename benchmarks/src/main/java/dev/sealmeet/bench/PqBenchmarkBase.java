package dev.sealmeet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared settings of the post-quantum suite benchmarks: the same modes, fork and heap as {@link
 * GroupBenchmarkBase}, Sealmeet only (BouncyCastle MLS has no post-quantum suite), and the cipher
 * suite as a parameter so that one run measures the classical suite 1 beside two suites of
 * draft-ietf-mls-pq-ciphersuites-06 at the code points of {@code SuiteRegistry.draftPq()}:
 *
 * <pre>
 * 0x0001  MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519          (RFC 9420, the baseline)
 * 0xF001  MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519       (TBD1: X-Wing, Ed25519)
 * 0xF00A  MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65             (TBD10: ML-KEM-768, ML-DSA-65)
 * </pre>
 *
 * Every group of every suite is built with the same {@link SealmeetGroupFixture#CONFIG} and the
 * draftPq registry, so only the suite differs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class PqBenchmarkBase {
  /** The suites of one run, baseline first. */
  static final String[] SUITES = {"0x0001", "0xF001", "0xF00A"};

  /** The cipher suite's code point in {@code SuiteRegistry.draftPq()}, hex. */
  @Param({"0x0001", "0xF001", "0xF00A"})
  public String suite;

  /** A fixture of this trial's suite. */
  SealmeetGroupFixture fixture() {
    return new SealmeetGroupFixture(Integer.decode(suite));
  }
}
