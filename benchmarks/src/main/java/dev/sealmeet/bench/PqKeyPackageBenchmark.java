package dev.sealmeet.bench;

import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * KeyPackage generation (RFC 9420 §10) per suite, as {@link KeyPackageBenchmark}: two HPKE key
 * pairs of the suite's KEM, the leaf node and the KeyPackage each signed with its signature scheme.
 */
public class PqKeyPackageBenchmark extends PqBenchmarkBase {
  private SealmeetGroupFixture fixture;
  private SigningIdentity identity;

  /** Creates the signing identity once. */
  @Setup
  public void setUp() {
    fixture = fixture();
    identity = SigningIdentity.generate(fixture.suite,
        new BasicCredential("member".getBytes(StandardCharsets.UTF_8)));
  }

  /** One KeyPackage, its private keys then wiped. */
  @Benchmark
  public Object keyPackage() {
    KeyPackageBundle bundle = fixture.newKeyPackage(identity);
    bundle.close();
    return bundle.keyPackage();
  }
}
