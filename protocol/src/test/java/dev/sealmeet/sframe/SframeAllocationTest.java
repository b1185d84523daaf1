package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-frame path allocates nothing of its own in steady state: protect then unprotect of a
 * frame allocates no more than the raw JCE calls any caller of the same provider must make per
 * message (a {@code Cipher.init} with a new nonce, which allocates inside the JDK, then AAD and
 * {@code doFinal}; for the AES-CTR suites also an HMAC over a reused digest). Bytes are counted
 * with {@code ThreadMXBean} after both loops are compiled, in the same JVM; this is a count of
 * allocations, not a timing. A per-frame array or object in Sealmeet's code (16 B or more) fails
 * it.
 *
 * <p>The JDK's default providers are checked for AES-CTR with HMAC; AES-GCM is checked over
 * BouncyCastle's provider, not SunJCE: one SunJCE GCM encryption and decryption allocates 1,856,
 * 1,968 or 2,160 B depending on what escape analysis removes in that JVM's compilation, so two
 * equal call sequences can differ by 112 B or more and no bound would be both tight and stable.
 * BouncyCastle's allocation is the same in both loops of a run. The JMH benchmarks report SunJCE's
 * B/op beside the raw baseline ({@code benchmarks/README.md}).
 */
class SframeAllocationTest {
  private static final int FRAMES = 20_000;
  private static final int ROUNDS = 5;
  private static final int SIZE = 1_200;
  private static final long KID = 0x3e;
  /** Allowed difference per frame: below the smallest Java object with a field (16 B). */
  private static final double SLACK = 8;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @ParameterizedTest(name = "suite {0} over {1}")
  @CsvSource({"1, default", "1, BC", "4, BC"})
  @DisplayName("protect + unprotect allocates no more per frame than the raw JCE calls")
  void protectUnprotect_allocatesNoMoreThanRawJce(int suiteId, String providerName)
      throws Exception {
    Provider provider = providerName.equals("BC") ? new BouncyCastleProvider() : null;
    SframeSuite suite = SframeSuite.fromId(suiteId);
    Sealmeet ours = new Sealmeet(suite, provider);
    Raw raw = new Raw(suite, provider);
    double sealmeet = Double.MAX_VALUE;
    double baseline = Double.MAX_VALUE;
    // Warm-up rounds count too: the minimum over rounds is the compiled steady state.
    for (int round = 0; round < ROUNDS; round++) {
      sealmeet = Math.min(sealmeet, perFrame(ours));
      baseline = Math.min(baseline, perFrame(raw));
    }
    assertThat(sealmeet)
        .as("B/frame of suite %d (raw JCE baseline %.1f B/frame)", suiteId, baseline)
        .isLessThanOrEqualTo(baseline + SLACK);
  }

  private interface Frame {
    void run() throws Exception;
  }

  private double perFrame(Frame frame) throws Exception {
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < FRAMES; i++) {
      frame.run();
    }
    return (threads.getThreadAllocatedBytes(thread) - before) / (double) FRAMES;
  }

  private static byte[] bytes(int length, int seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (i * 31 + seed);
    }
    return out;
  }

  /** Sealmeet's sender and receiver on one KID, buffers sized once. */
  private static final class Sealmeet implements Frame {
    private final SframeSender sender;
    private final SframeReceiver receiver;
    private final ByteBuffer metadata = ByteBuffer.allocate(0);
    private final ByteBuffer plaintext = ByteBuffer.wrap(bytes(SIZE, 1));
    private final ByteBuffer frame;
    private final ByteBuffer decrypted = ByteBuffer.allocate(SIZE);

    Sealmeet(SframeSuite suite, Provider provider) {
      SframeOptions options = provider == null
          ? SframeOptions.defaults() : SframeOptions.defaults().withProvider(provider);
      sender = new SframeSender(suite, options);
      receiver = new SframeReceiver(suite, options);
      byte[] key = bytes(suite.keyLength() > 16 ? 32 : 16, 7);
      sender.addKey(KID, Secret.copyOf(key));
      receiver.addKey(KID, Secret.copyOf(key));
      frame = ByteBuffer.allocate(SIZE + suite.maxOverhead());
    }

    @Override
    public void run() throws SealmeetException {
      plaintext.clear();
      frame.clear();
      sender.protect(KID, metadata, plaintext, frame);
      frame.flip();
      decrypted.clear();
      receiver.unprotect(metadata, frame, decrypted);
    }
  }

  /**
   * What any caller of the JCE does per message and no more: suite 4 and 5 an AES-GCM encryption
   * and decryption under a new nonce; suites 1 to 3 an AES-CTR encryption and decryption under a
   * new counter block with an HMAC-SHA-256 over the ciphertext each way, on a reused digest.
   */
  private static final class Raw implements Frame {
    private final boolean gcm;
    private final SecretKeySpec key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final MessageDigest digest;
    private final byte[] iv;
    private final byte[] aad = bytes(3, 3);
    private final byte[] tag = new byte[32];
    private final ByteBuffer plaintext = ByteBuffer.wrap(bytes(SIZE, 1));
    private final ByteBuffer ciphertext = ByteBuffer.allocate(SIZE + 16);
    private final ByteBuffer decrypted = ByteBuffer.allocate(SIZE);
    private long counter;

    Raw(SframeSuite suite, Provider provider) throws GeneralSecurityException {
      gcm = suite.id() >= 4;
      String transformation = gcm ? "AES/GCM/NoPadding" : "AES/CTR/NoPadding";
      key = new SecretKeySpec(bytes(16, 7), "AES");
      encryptor = provider == null
          ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
      decryptor = provider == null
          ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
      digest = provider == null
          ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", provider);
      iv = new byte[gcm ? 12 : 16];
    }

    @Override
    public void run() throws GeneralSecurityException {
      long c = ++counter;
      for (int i = 0; i < 8; i++) {
        iv[4 + i] = (byte) (c >>> (56 - 8 * i));
      }
      plaintext.clear();
      ciphertext.clear();
      decrypted.clear();
      if (gcm) {
        encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        encryptor.updateAAD(aad);
        encryptor.doFinal(plaintext, ciphertext);
        ciphertext.flip();
        decryptor.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        decryptor.updateAAD(aad);
        decryptor.doFinal(ciphertext, decrypted);
      } else {
        encryptor.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        encryptor.doFinal(plaintext, ciphertext);
        mac(ciphertext.array(), SIZE);
        ciphertext.flip();
        mac(ciphertext.array(), SIZE);
        decryptor.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        decryptor.doFinal(ciphertext, decrypted);
      }
    }

    private void mac(byte[] data, int length) throws GeneralSecurityException {
      digest.update(aad);
      digest.update(data, 0, length);
      digest.digest(tag, 0, 32);
      digest.update(tag);
      digest.digest(tag, 0, 32);
      Arrays.fill(tag, 16, 32, (byte) 0);
    }
  }
}
