package dev.sealmeet.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The baseline: raw JCE AES-128-GCM of the same provider on the same sizes and buffers, with what
 * any correct caller must do per message and nothing more. A fresh 12-byte nonce per operation (a
 * counter written into the IV array, then the {@link GCMParameterSpec} JCE requires for a new
 * nonce), a 5-byte AAD, the length of the SFrame header of {@link SframeFixture#KID} once its CTR
 * needs 3 bytes, heap {@link ByteBuffer}s, and {@link Cipher} objects
 * created once.
 */
public class RawAesGcmBenchmark extends FrameBenchmarkBase {
  private final byte[] iv = new byte[12];
  private final byte[] aad = {(byte) 0x9a, 0x3e, 0x01, 0x02, 0x03};
  private SecretKeySpec key;
  private Cipher encryptor;
  private Cipher decryptor;
  private ByteBuffer plaintext;
  private ByteBuffer ciphertext;
  private ByteBuffer decrypted;
  private long counter;

  /** Creates the key, ciphers and buffers once. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    byte[] k = new byte[16];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) i;
    }
    key = new SecretKeySpec(k, "AES");
    encryptor = JceProviders.cipher(provider, "AES/GCM/NoPadding");
    decryptor = JceProviders.cipher(provider, "AES/GCM/NoPadding");
    plaintext = randomBuffer(size);
    ciphertext = ByteBuffer.allocate(size + 16);
    decrypted = ByteBuffer.allocate(size);
  }

  private void nextNonce() {
    long c = ++counter;
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (c >>> (56 - 8 * i));
    }
  }

  /** One message encrypted under a fresh nonce. */
  @Benchmark
  public int encrypt() throws GeneralSecurityException {
    nextNonce();
    encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    encryptor.updateAAD(aad);
    plaintext.clear();
    ciphertext.clear();
    return encryptor.doFinal(plaintext, ciphertext);
  }

  /** One message encrypted under a fresh nonce, then decrypted. */
  @Benchmark
  public int encryptDecrypt() throws GeneralSecurityException {
    encrypt();
    ciphertext.flip();
    decryptor.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
    decryptor.updateAAD(aad);
    decrypted.clear();
    return decryptor.doFinal(ciphertext, decrypted);
  }
}
