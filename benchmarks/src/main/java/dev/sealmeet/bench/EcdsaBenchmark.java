package dev.sealmeet.bench;

import dev.sealmeet.crypto.SignatureScheme;
import dev.sealmeet.crypto.Signatures;
import dev.sealmeet.error.BadKeyException;
import java.math.BigInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * ECDSA on P-256/SHA-256, P-384/SHA-384 and P-521/SHA-512 through {@link SignatureScheme}, beside
 * the former BouncyCastle path: {@code sign} and {@code verify} of a 100-byte message (the size of a
 * small MLS FramedContentTBS).
 */
public class EcdsaBenchmark extends EcBenchmarkBase {
  private SignatureScheme scheme;
  private BcGenericEc bc;
  private byte[] privateKey;
  private byte[] publicKey;
  private byte[] message;
  private byte[] signature;
  private BigInteger[] rs;

  /** Creates the scheme, one fixed key pair and one signature to verify. */
  @Setup
  public void setUp() throws BadKeyException {
    scheme = curve.equals("P-256") ? Signatures.ecdsaP256Sha256()
        : curve.equals("P-384") ? Signatures.ecdsaP384Sha384() : Signatures.ecdsaP521Sha512();
    bc = new BcGenericEc(curve);
    byte[][] kp = split(scheme.generateKeyPair(fixtureRandom()));
    privateKey = kp[0];
    publicKey = kp[1];
    message = new byte[100];
    fixtureRandom().nextBytes(message);
    signature = scheme.sign(privateKey, message);
    rs = bc.sign(privateKey, message);
  }

  /** One signature. */
  @Benchmark
  public Object sign() throws BadKeyException {
    return baseline() ? bc.sign(privateKey, message) : scheme.sign(privateKey, message);
  }

  /** One verification (strict DER and point checks included on the sealmeet path). */
  @Benchmark
  public boolean verify() {
    return baseline() ? bc.verify(publicKey, message, rs)
        : scheme.verify(publicKey, message, signature);
  }
}
