package dev.sealmeet.sframe;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetBugException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-CTR + HMAC AEAD of RFC 9605 §4.5.1 (encrypt-then-MAC with a truncated tag).
 *
 * <pre>
 * enc_key = key[..Nka], auth_key = key[Nka..]
 * ct  = AES-CTR(enc_key, nonce ‖ 00000000, pt)
 * tag = HMAC(auth_key, len(aad)₈ ‖ len(ct)₈ ‖ Nt₈ ‖ nonce ‖ aad ‖ ct)[..Nt]
 * </pre>
 *
 * The provider's {@code AES/CTR/NoPadding} (the JDK's by default, with its AES-CTR intrinsic) is
 * re-keyed with the counter block per frame; the HMAC is {@link Hmac}. Decryption checks the tag in
 * constant time before decrypting.
 */
final class CtrHmacFrameAead extends FrameAead {
  private static final int PREFIX_LENGTH = 24 + SframeSuite.NONCE_LENGTH;

  private final byte[] encKeyBytes;
  private final SecretKeySpec encKey;
  private final Cipher cipher;
  private final Hmac hmac;
  private final int tagLength;
  private final byte[] counterBlock = new byte[16];
  private final byte[] prefix = new byte[PREFIX_LENGTH];
  private final byte[] fullTag;
  private final byte[] expectedTag;
  private final byte[] receivedTag;
  private final String failure;

  CtrHmacFrameAead(SframeSuite suite, byte[] key, FrameCrypto crypto) {
    super(suite);
    int nka = suite.aesKeyLength();
    this.encKeyBytes = Arrays.copyOfRange(key, 0, nka);
    this.encKey = new SecretKeySpec(encKeyBytes, "AES");
    byte[] authKey = Arrays.copyOfRange(key, nka, key.length);
    boolean sha256 = suite.hashLength() == 32;
    this.hmac = crypto.hmac(sha256 ? "SHA-256" : "SHA-512", sha256 ? 64 : 128,
        sha256 ? "HmacSHA256" : "HmacSHA512", authKey);
    Arrays.fill(authKey, (byte) 0);
    this.cipher = crypto.cipher("AES/CTR/NoPadding");
    this.tagLength = suite.tagLength();
    this.fullTag = new byte[hmac.length()];
    this.expectedTag = new byte[tagLength];
    this.receivedTag = new byte[tagLength];
    this.failure = "SFrame frame tag did not verify (" + suite + ")";
  }

  @Override
  void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata, ByteBuffer plaintext,
      ByteBuffer dst) {
    int ctStart = dst.position();
    int ctLength = plaintext.remaining();
    crypt(nonce, plaintext, dst);
    computeTag(nonce, aad, aadLength, metadata, dst, ctStart, ctStart + ctLength);
    dst.put(fullTag, 0, tagLength);
  }

  @Override
  void open(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata, ByteBuffer ciphertext,
      ByteBuffer dst) throws AuthenticationException {
    int ctStart = ciphertext.position();
    int end = ciphertext.limit();
    int ctEnd = end - tagLength;
    computeTag(nonce, aad, aadLength, metadata, ciphertext, ctStart, ctEnd);
    System.arraycopy(fullTag, 0, expectedTag, 0, tagLength);
    for (int i = 0; i < tagLength; i++) {
      receivedTag[i] = ciphertext.get(ctEnd + i);
    }
    if (!MessageDigest.isEqual(expectedTag, receivedTag)) {
      throw tagFailure(failure);
    }
    Buffer view = ciphertext; // ByteBuffer.limit(int), position(int): Java 9+, not Android 26
    view.limit(ctEnd);
    try {
      crypt(nonce, ciphertext, dst);
    } finally {
      view.limit(end);
    }
    view.position(end);
  }

  private void crypt(byte[] nonce, ByteBuffer in, ByteBuffer out) {
    System.arraycopy(nonce, 0, counterBlock, 0, SframeSuite.NONCE_LENGTH);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(counterBlock));
      cipher.doFinal(in, out);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("AES-CTR failed", e);
    }
  }

  /** Leaves the full HMAC in {@link #fullTag}. */
  private void computeTag(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata,
      ByteBuffer ct, int ctStart, int ctEnd) {
    long totalAad = (long) aadLength + metadata.remaining();
    putLong(prefix, 0, totalAad);
    putLong(prefix, 8, ctEnd - ctStart);
    putLong(prefix, 16, tagLength);
    System.arraycopy(nonce, 0, prefix, 24, SframeSuite.NONCE_LENGTH);
    hmac.start();
    hmac.update(prefix, 0, PREFIX_LENGTH);
    hmac.update(aad, 0, aadLength);
    hmac.update(metadata, metadata.position(), metadata.limit());
    hmac.update(ct, ctStart, ctEnd);
    hmac.finish(fullTag);
  }

  private static void putLong(byte[] dst, int at, long value) {
    for (int i = 0; i < 8; i++) {
      dst[at + i] = (byte) (value >>> (56 - 8 * i));
    }
  }

  @Override
  void destroy() {
    Arrays.fill(encKeyBytes, (byte) 0);
    // counterBlock and prefix hold salt XOR CTR; CTR is public, so they would reveal the salt.
    Arrays.fill(counterBlock, (byte) 0);
    Arrays.fill(prefix, (byte) 0);
    Arrays.fill(fullTag, (byte) 0);
    Arrays.fill(expectedTag, (byte) 0);
    Arrays.fill(receivedTag, (byte) 0);
    hmac.destroy();
  }
}
