package dev.sealmeet.sframe;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetBugException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag (suites {@code 0x0004} and {@code 0x0005}, RFC 9605 §4.5) over the
 * provider's {@code AES/GCM/NoPadding} (by default the JDK's, which uses the AES and GHASH
 * intrinsics). One {@link Cipher} per key, re-keyed with a new nonce for each frame: JCE offers no
 * cheaper way to
 * change a GCM nonce.
 */
final class GcmFrameAead extends FrameAead {
  private static final int TAG_BITS = 128;

  private final byte[] keyBytes;
  private final SecretKeySpec key;
  private final Cipher cipher;
  private final String failure;
  private byte[] aadScratch = new byte[SframeHeader.MAX_LENGTH + 64];

  GcmFrameAead(SframeSuite suite, byte[] key, FrameCrypto crypto) {
    super(suite);
    this.keyBytes = key.clone();
    this.key = new SecretKeySpec(keyBytes, "AES");
    this.cipher = crypto.cipher("AES/GCM/NoPadding");
    this.failure = "SFrame frame tag did not verify (" + suite + ")";
  }

  @Override
  void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata, ByteBuffer plaintext,
      ByteBuffer dst) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      addAad(aad, aadLength, metadata);
      cipher.doFinal(plaintext, dst);
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("the JDK refused to reuse a GCM nonce under one key", e);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("AES-GCM encryption failed", e);
    }
  }

  @Override
  void open(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata, ByteBuffer ciphertext,
      ByteBuffer dst) throws AuthenticationException {
    int inPosition = ciphertext.position();
    int outPosition = dst.position();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      addAad(aad, aadLength, metadata);
      cipher.doFinal(ciphertext, dst);
    } catch (AEADBadTagException e) {
      // Through Buffer: ByteBuffer.position(int) is Java 9+, not on Android 26.
      ((Buffer) ciphertext).position(inPosition);
      ((Buffer) dst).position(outPosition);
      throw tagFailure(failure);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("AES-GCM decryption failed", e);
    }
  }

  /**
   * Passes header and metadata in one {@code updateAAD} call: the JDK's GCM buffers AAD per nonce and
   * a second call makes it grow (allocate) that buffer. The scratch array grows only when the metadata
   * is longer than ever before, so steady state allocates nothing.
   */
  private void addAad(byte[] aad, int aadLength, ByteBuffer metadata) {
    int metadataLength = metadata.remaining();
    if (metadataLength == 0) {
      cipher.updateAAD(aad, 0, aadLength);
      return;
    }
    int total = aadLength + metadataLength;
    if (aadScratch.length < total) {
      aadScratch = new byte[Math.max(total, 2 * aadScratch.length)];
    }
    System.arraycopy(aad, 0, aadScratch, 0, aadLength);
    // Not ByteBuffer.get(int, byte[], int, int): Java 13, not on Android 26.
    int from = metadata.position();
    for (int i = 0; i < metadataLength; i++) {
      aadScratch[aadLength + i] = metadata.get(from + i);
    }
    cipher.updateAAD(aadScratch, 0, total);
  }

  @Override
  void destroy() {
    Arrays.fill(keyBytes, (byte) 0);
  }
}
