package dev.sealmeet.bench;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.auth.TagSignatureFrame;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying one statement of sender authentication (spec §2.7): 16 entries with
 * 16-byte tags, about 330 bytes to be signed, with Ed25519 as Sealmeet signs it (BouncyCastle's
 * {@code rfc8032.Ed25519} behind MLS suite 1's {@code SignWithLabel}) and with the JDK's
 * {@code Signature("Ed25519")} for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TagSignatureBenchmark {
  private MlsSuite mls;
  private RawKeyPair bcKey;
  private byte[] tbs;
  private byte[] bcSignature;
  private KeyPair jdkKey;
  private Signature jdkSigner;
  private Signature jdkVerifier;
  private byte[] jdkSignature;

  /** One statement, keys for both implementations. */
  @Setup
  public void setUp() throws SealmeetException, GeneralSecurityException {
    mls = MlsSuite.of(1, new SecureRandom());
    bcKey = mls.primitives().signatureGenerateKeyPair();
    long[] ctrs = new long[16];
    byte[] tags = new byte[16 * 16];
    for (int i = 0; i < 16; i++) {
      ctrs[i] = 1000 + 2L * i;
    }
    new Random(16).nextBytes(tags);
    tbs = new TagSignatureFrame(0x3e, 0, new long[] {1}, new int[] {16}, ctrs, tags, 16,
        new byte[0])
        .toBeSigned(SenderAuthFixture.GROUP_ID);
    bcSignature = mls.signWithLabel(bcKey.privateKey(), TagSignatureFrame.LABEL, tbs);
    jdkKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    jdkSigner = Signature.getInstance("Ed25519");
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkKey.getPrivate());
    jdkSigner.update(tbs);
    jdkSignature = jdkSigner.sign();
  }

  /** SignWithLabel with BouncyCastle Ed25519 (what a sender does every 16 frames). */
  @Benchmark
  public byte[] signBouncyCastle() throws SealmeetException {
    return mls.signWithLabel(bcKey.privateKey(), TagSignatureFrame.LABEL, tbs);
  }

  /** VerifyWithLabel with BouncyCastle Ed25519 (what a receiver does per statement). */
  @Benchmark
  public boolean verifyBouncyCastle() {
    return mls.verifyWithLabel(bcKey.publicKey(), TagSignatureFrame.LABEL, tbs, bcSignature);
  }

  /** The JDK's Ed25519 signature of the same bytes. */
  @Benchmark
  public byte[] signJdk() throws GeneralSecurityException {
    jdkSigner.initSign(jdkKey.getPrivate());
    jdkSigner.update(tbs);
    return jdkSigner.sign();
  }

  /** The JDK's Ed25519 verification of the same bytes. */
  @Benchmark
  public boolean verifyJdk() throws GeneralSecurityException {
    jdkVerifier.initVerify(jdkKey.getPublic());
    jdkVerifier.update(tbs);
    return jdkVerifier.verify(jdkSignature);
  }
}
