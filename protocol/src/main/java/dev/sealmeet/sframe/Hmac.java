package dev.sealmeet.sframe;

import dev.sealmeet.error.SealmeetBugException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC (RFC 2104) writing the tag into a caller array, over a reused {@link MessageDigest} or, when
 * a provider has no digest of its own, over its {@link Mac}.
 *
 * <p>Why a digest first: {@code javax.crypto.Mac.doFinal(byte[], int)} allocates a fresh tag array
 * on every call (JDK 17 and 25), which the frame path must not do. The digest form is the same
 * computation as the JDK's HMAC (pads precomputed at key install, two digest passes per tag) and
 * uses the same SHA-2 code. Both forms are verified by the RFC 9605 AES-CTR-HMAC vectors. Not
 * thread-safe.
 */
abstract class Hmac {
  /** The full tag length, {@code Nh}. */
  abstract int length();

  /** Starts a new tag. */
  abstract void start();

  /** Absorbs {@code data[offset..offset + length)}. */
  abstract void update(byte[] data, int offset, int length);

  /** Absorbs {@code buffer}'s remaining bytes, moving its position to its limit. */
  abstract void update(ByteBuffer buffer);

  /**
   * Absorbs {@code buffer[from..to)} leaving the buffer's cursors as found; no allocation for heap
   * buffers.
   */
  final void update(ByteBuffer buffer, int from, int to) {
    if (buffer.hasArray()) {
      update(buffer.array(), buffer.arrayOffset() + from, to - from);
      return;
    }
    int position = buffer.position();
    int limit = buffer.limit();
    Buffer view = buffer; // ByteBuffer.limit(int) and position(int) are Java 9+, not Android 26
    view.limit(to).position(from);
    update(buffer);
    view.limit(limit).position(position);
  }

  /** Writes the full {@code Nh}-byte tag to {@code out[0..Nh)}. */
  abstract void finish(byte[] out);

  /** Wipes what this object owns. */
  abstract void destroy();

  /**
   * An HMAC over {@code digest}.
   *
   * @param blockSize the digest's block size: 64 or 128
   * @param key the HMAC key, at most {@code blockSize} bytes (SFrame keys are {@code Nh} bytes)
   */
  static Hmac overDigest(MessageDigest digest, int blockSize, byte[] key) {
    return new DigestHmac(digest, blockSize, key);
  }

  /** An HMAC over {@code mac} ({@code macName} is its JCE name), keyed with a copy of {@code key}.
   * */
  static Hmac overMac(Mac mac, String macName, byte[] key) {
    try {
      mac.init(new SecretKeySpec(key, macName));
    } catch (InvalidKeyException e) {
      throw new SealmeetBugException(macName + " refused a " + key.length + "-byte key", e);
    }
    return new MacHmac(mac);
  }

  private static final class DigestHmac extends Hmac {
    private final MessageDigest digest;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] innerHash;

    DigestHmac(MessageDigest digest, int blockSize, byte[] key) {
      if (key.length > blockSize) {
        throw new IllegalArgumentException("HMAC key longer than the block size");
      }
      this.digest = digest;
      this.innerPad = new byte[blockSize];
      this.outerPad = new byte[blockSize];
      for (int i = 0; i < blockSize; i++) {
        byte k = i < key.length ? key[i] : 0;
        innerPad[i] = (byte) (k ^ 0x36);
        outerPad[i] = (byte) (k ^ 0x5c);
      }
      this.innerHash = new byte[digest.getDigestLength()];
    }

    @Override
    int length() {
      return innerHash.length;
    }

    @Override
    void start() {
      digest.reset();
      digest.update(innerPad);
    }

    @Override
    void update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
    }

    @Override
    void update(ByteBuffer buffer) {
      digest.update(buffer);
    }

    @Override
    void finish(byte[] out) {
      try {
        digest.digest(innerHash, 0, innerHash.length);
        digest.update(outerPad);
        digest.update(innerHash);
        digest.digest(out, 0, innerHash.length);
      } catch (GeneralSecurityException e) {
        throw new SealmeetBugException("digest output buffer too small", e);
      }
    }

    @Override
    void destroy() {
      Arrays.fill(innerPad, (byte) 0);
      Arrays.fill(outerPad, (byte) 0);
      Arrays.fill(innerHash, (byte) 0);
      digest.reset();
    }
  }

  private static final class MacHmac extends Hmac {
    private final Mac mac;

    MacHmac(Mac mac) {
      this.mac = mac;
    }

    @Override
    int length() {
      return mac.getMacLength();
    }

    @Override
    void start() {
      mac.reset();
    }

    @Override
    void update(byte[] data, int offset, int length) {
      mac.update(data, offset, length);
    }

    @Override
    void update(ByteBuffer buffer) {
      mac.update(buffer);
    }

    @Override
    void finish(byte[] out) {
      try {
        mac.doFinal(out, 0);
      } catch (ShortBufferException e) {
        throw new SealmeetBugException("HMAC output buffer too small", e);
      }
    }

    @Override
    void destroy() {
      mac.reset();
    }
  }
}
