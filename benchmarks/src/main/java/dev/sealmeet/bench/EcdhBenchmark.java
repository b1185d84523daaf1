package dev.sealmeet.bench;

import dev.sealmeet.crypto.DhGroup;
import dev.sealmeet.crypto.DhGroups;
import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * ECDH on P-256/384/521 through {@link DhGroup} (validation of the peer key included), beside the
 * former BouncyCastle path: {@code dh} is one shared secret, {@code publicKey} is {@code sk * G}
 * (HPKE DeriveKeyPair and {@code DhGroup.publicKey}), {@code generateKeyPair} a fresh pair.
 */
public class EcdhBenchmark extends EcBenchmarkBase {
  private DhGroup group;
  private BcGenericEc bc;
  private byte[] privateKey;
  private byte[] peerPublicKey;
  private SecureRandom random;

  /** Creates the group and two fixed key pairs. */
  @Setup
  public void setUp() {
    group = curve.equals("P-256") ? DhGroups.p256()
        : curve.equals("P-384") ? DhGroups.p384() : DhGroups.p521();
    bc = new BcGenericEc(curve);
    random = fixtureRandom();
    privateKey = group.generateKeyPair(random).privateKey();
    peerPublicKey = group.generateKeyPair(random).publicKey();
  }

  /** One DH(sk, pk), peer key validated. */
  @Benchmark
  public byte[] dh() throws BadKeyException {
    return baseline() ? bc.dh(privateKey, peerPublicKey) : group.dh(privateKey, peerPublicKey);
  }

  /** The public key of a private key. */
  @Benchmark
  public byte[] publicKey() throws BadKeyException {
    return baseline() ? bc.publicKey(privateKey) : group.publicKey(privateKey);
  }

  /** A fresh key pair. */
  @Benchmark
  public Object generateKeyPair() {
    return baseline() ? bc.generateKeyPair(random) : group.generateKeyPair(random);
  }
}
