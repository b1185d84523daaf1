package dev.sealmeet.bench;

import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * KeyPackage generation (RFC 9420 §10) for an existing signing identity: an init and an encryption
 * HPKE key pair, the signed leaf node and the signed KeyPackage. Independent of group size.
 */
public class KeyPackageBenchmark extends GroupBenchmarkBase {
  private SealmeetGroupFixture sealmeet;
  private SigningIdentity identity;
  private BcGroupFixture bc;
  private AsymmetricCipherKeyPair bcSignature;

  /** Creates the signing identity once. */
  @Setup
  public void setUp(BenchmarkParams params) {
    if (isBouncyCastle(params)) {
      bc = new BcGroupFixture();
      bcSignature = bc.suite.generateSignatureKeyPair();
    } else {
      sealmeet = new SealmeetGroupFixture();
      identity = SigningIdentity.generate(sealmeet.suite,
          new BasicCredential("member".getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** One Sealmeet KeyPackage, its private keys then wiped. */
  @Benchmark
  public Object sealmeet() {
    KeyPackageBundle bundle = sealmeet.newKeyPackage(identity);
    bundle.close();
    return bundle.keyPackage();
  }

  /** One BouncyCastle KeyPackage. */
  @Benchmark
  public Object bouncycastle() throws Exception {
    return bc.newClient("member", bcSignature).keyPackage();
  }
}
