package dev.sealmeet.crypto;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetBugException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An {@link Aead} over a JCE transformation ({@code AES/GCM/NoPadding} or {@code ChaCha20-Poly1305}).
 *
 * <p>Each thread reuses one encrypting and one decrypting {@link Cipher} per instance. The JDK refuses
 * to re-initialise a cipher for encryption with the key and nonce it encrypted with last; that refusal
 * is a tripwire and stays on: {@link #seal} then throws {@link IllegalStateException} and never
 * retries on a fresh {@link Cipher}. The tripwire sees only the previous encryption on the same
 * thread, so nonce uniqueness remains the caller's contract (see {@link Aead}). Decryption may repeat
 * a key and nonce (ChaCha20-Poly1305 refuses that too), so only the decrypting cipher is replaced.
 */
final class JceAead implements Aead {
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_LENGTH = 16;

  private final int hpkeId;
  private final int keyLength;
  private final String transformation;
  private final String keyAlgorithm;
  private final ThreadLocal<Cipher> encrypters;
  private final ThreadLocal<Cipher> decrypters;

  private JceAead(int hpkeId, int keyLength, String transformation, String keyAlgorithm) {
    this.hpkeId = hpkeId;
    this.keyLength = keyLength;
    this.transformation = transformation;
    this.keyAlgorithm = keyAlgorithm;
    this.encrypters = ThreadLocal.withInitial(this::newCipher);
    this.decrypters = ThreadLocal.withInitial(this::newCipher);
  }

  static JceAead aesGcm(int hpkeId, int keyLength) {
    return new JceAead(hpkeId, keyLength, "AES/GCM/NoPadding", "AES");
  }

  static JceAead chacha20Poly1305() {
    return new JceAead(0x0003, 32, "ChaCha20-Poly1305", "ChaCha20");
  }

  @Override
  public int hpkeId() {
    return hpkeId;
  }

  @Override
  public int keyLength() {
    return keyLength;
  }

  @Override
  public int nonceLength() {
    return NONCE_LENGTH;
  }

  @Override
  public int tagLength() {
    return TAG_LENGTH;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the JDK refuses the key and nonce because this thread's last
   *     encryption under this algorithm used the same pair (a repeated nonce is never retried)
   */
  @Override
  public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    checkArguments(key, nonce, aad);
    if (plaintext == null) {
      throw new IllegalArgumentException("plaintext must not be null");
    }
    Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce);
    try {
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(transformation + " seal failed", e);
    }
  }

  @Override
  public boolean sealsTo(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext, byte[] expected) {
    checkArguments(key, nonce, aad);
    if (plaintext == null || expected == null) {
      throw new IllegalArgumentException("plaintext and expected must not be null");
    }
    Cipher cipher = newCipher();
    byte[] actual;
    try {
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), params(nonce));
      cipher.updateAAD(aad);
      actual = cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(transformation + " seal failed", e);
    }
    try {
      return actual.length == expected.length && MessageDigest.isEqual(actual, expected);
    } finally {
      Arrays.fill(actual, (byte) 0);
    }
  }

  @Override
  public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag)
      throws AuthenticationException {
    checkArguments(key, nonce, aad);
    if (ciphertextAndTag == null) {
      throw new IllegalArgumentException("ciphertext must not be null");
    }
    if (ciphertextAndTag.length < TAG_LENGTH) {
      throw new AuthenticationException(
          "AEAD ciphertext of " + ciphertextAndTag.length + " bytes is shorter than the "
              + TAG_LENGTH + "-byte tag");
    }
    Cipher cipher = init(Cipher.DECRYPT_MODE, key, nonce);
    try {
      cipher.updateAAD(aad);
      return cipher.doFinal(ciphertextAndTag);
    } catch (AEADBadTagException e) {
      throw new AuthenticationException(name() + " tag did not verify");
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException(transformation + " open failed", e);
    }
  }

  private String name() {
    switch (hpkeId) {
      case 0x0001:
        return "AES-128-GCM";
      case 0x0002:
        return "AES-256-GCM";
      default:
        return "ChaCha20-Poly1305";
    }
  }

  private void checkArguments(byte[] key, byte[] nonce, byte[] aad) {
    if (key == null || key.length != keyLength) {
      throw new IllegalArgumentException(
          "AEAD key must be " + keyLength + " bytes, got " + (key == null ? "null" : key.length));
    }
    if (nonce == null || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "AEAD nonce must be " + NONCE_LENGTH + " bytes, got "
              + (nonce == null ? "null" : nonce.length));
    }
    if (aad == null) {
      throw new IllegalArgumentException("aad must not be null");
    }
  }

  private Cipher init(int mode, byte[] key, byte[] nonce) {
    SecretKeySpec keySpec = new SecretKeySpec(key, keyAlgorithm);
    AlgorithmParameterSpec params = params(nonce);
    boolean encrypt = mode == Cipher.ENCRYPT_MODE;
    Cipher cipher = (encrypt ? encrypters : decrypters).get();
    try {
      cipher.init(mode, keySpec, params);
      return cipher;
    } catch (InvalidAlgorithmParameterException | InvalidKeyException e) {
      // Lengths were checked above, so this is the JDK's key+nonce reuse tripwire (AES-GCM:
      // InvalidAlgorithmParameterException; ChaCha20-Poly1305: InvalidKeyException).
      if (encrypt) {
        // Keep the cipher: it still remembers the pair, so every retry fails the same way.
        throw new IllegalStateException(name() + " encryption with the key and nonce of the previous"
            + " encryption refused: a nonce must never repeat under a key");
      }
    }
    Cipher fresh = newCipher();
    try {
      fresh.init(mode, keySpec, params);
    } catch (GeneralSecurityException again) {
      throw new SealmeetBugException(transformation + " init failed", again);
    }
    decrypters.set(fresh);
    return fresh;
  }

  private AlgorithmParameterSpec params(byte[] nonce) {
    return keyAlgorithm.equals("AES")
        ? new GCMParameterSpec(TAG_LENGTH * 8, nonce)
        : new IvParameterSpec(nonce);
  }

  private Cipher newCipher() {
    try {
      return Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("JDK lacks " + transformation, e);
    }
  }

  @Override
  public String toString() {
    return "Aead[" + name() + "]";
  }
}
