package dev.sealmeet.crypto;

import dev.sealmeet.error.SealmeetBugException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) over the JDK's HMAC, which uses the platform's SHA intrinsics.
 *
 * <p>Stateless and thread-safe: every call obtains its own {@link Mac}. Hot paths that derive keys
 * only when a key is installed (SFrame, MLS epochs) call it directly.
 */
public enum Hkdf {
  /** HKDF-SHA256 (HPKE KDF id 0x0001). */
  SHA256("HmacSHA256", 32, 0x0001),
  /** HKDF-SHA384 (HPKE KDF id 0x0002). */
  SHA384("HmacSHA384", 48, 0x0002),
  /** HKDF-SHA512 (HPKE KDF id 0x0003). */
  SHA512("HmacSHA512", 64, 0x0003);

  private final String macAlgorithm;
  private final int hashLength;
  private final int hpkeId;

  Hkdf(String macAlgorithm, int hashLength, int hpkeId) {
    this.macAlgorithm = macAlgorithm;
    this.hashLength = hashLength;
    this.hpkeId = hpkeId;
  }

  /** Output length of the underlying hash, {@code Nh}. */
  public int hashLength() {
    return hashLength;
  }

  /** The KDF identifier of RFC 9180 §7.2. */
  public int hpkeId() {
    return hpkeId;
  }

  /** The JCE name of the HMAC, e.g. {@code HmacSHA256}. */
  public String macAlgorithm() {
    return macAlgorithm;
  }

  /** HMAC-Hash(key, data). An empty key is allowed (treated as {@code Nh} zero bytes by HMAC). */
  public byte[] mac(byte[] key, byte[] data) {
    Mac mac = newMac(key);
    return mac.doFinal(data);
  }

  /** HKDF-Extract(salt, ikm) (RFC 5869 §2.2); an empty salt means {@code Nh} zero bytes. */
  public byte[] extract(byte[] salt, byte[] ikm) {
    byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[hashLength] : salt;
    return mac(effectiveSalt, ikm);
  }

  /**
   * HKDF-Expand(prk, info, length) (RFC 5869 §2.3). The intermediate blocks T(i) are zero-filled
   * before returning; the output belongs to the caller.
   *
   * @throws IllegalArgumentException if {@code length} exceeds {@code 255 * Nh} or is negative
   */
  public byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 0 || length > 255 * hashLength) {
      throw new IllegalArgumentException(
          "HKDF-Expand length " + length + " outside 0.." + (255 * hashLength));
    }
    byte[] out = new byte[length];
    if (length > 0) {
      expandInto(prk, info, out, new byte[hashLength]);
    }
    return out;
  }

  /** HKDF-Expand into {@code out}, with {@code block} ({@code Nh} bytes) as T(i) scratch, wiped. */
  void expandInto(byte[] prk, byte[] info, byte[] out, byte[] block) {
    Mac mac = newMac(prk);
    int written = 0;
    try {
      for (int counter = 1; written < out.length; counter++) {
        if (counter > 1) {
          mac.update(block);
        }
        mac.update(info);
        mac.update((byte) counter);
        mac.doFinal(block, 0);
        int n = Math.min(block.length, out.length - written);
        System.arraycopy(block, 0, out, written, n);
        written += n;
      }
    } catch (ShortBufferException e) {
      throw new SealmeetBugException(macAlgorithm + " output exceeds " + hashLength + " bytes", e);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  private Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      // HMAC accepts any key length; the JDK rejects an empty SecretKeySpec, so pad to one zero block,
      // which HMAC treats identically (RFC 2104: keys are zero-padded to the block size).
      byte[] k = key.length == 0 ? new byte[hashLength] : key;
      mac.init(new SecretKeySpec(k, macAlgorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("JDK lacks " + macAlgorithm, e);
    }
  }
}
