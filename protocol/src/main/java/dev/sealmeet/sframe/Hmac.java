package dev.sealmeet.sframe;

import dev.sealmeet.error.SealmeetBugException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC (RFC 2104) over a reused JDK {@link MessageDigest}, writing the tag into a caller array.
 *
 * <p>Why not {@code javax.crypto.Mac}: its {@code doFinal(byte[], int)} allocates a fresh tag array on
 * every call (JDK 17 and 25), which the frame path must not do. The computation is the same as the
 * JDK's HMAC (pads precomputed at key install, two digest passes per tag) and uses the same SHA-2
 * intrinsics. Verified by the RFC 9605 AES-CTR-HMAC vectors. Not thread-safe.
 */
final class Hmac {
  private final MessageDigest digest;
  private final byte[] innerPad;
  private final byte[] outerPad;
  private final byte[] innerHash;

  /**
   * @param algorithm the JDK digest name, {@code SHA-256} or {@code SHA-512}
   * @param blockSize the digest's block size: 64 or 128
   * @param key the HMAC key, at most {@code blockSize} bytes (SFrame keys are {@code Nh} bytes)
   */
  Hmac(String algorithm, int blockSize, byte[] key) {
    if (key.length > blockSize) {
      throw new IllegalArgumentException("HMAC key longer than the block size");
    }
    try {
      this.digest = MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("JDK lacks " + algorithm, e);
    }
    this.innerPad = new byte[blockSize];
    this.outerPad = new byte[blockSize];
    for (int i = 0; i < blockSize; i++) {
      byte k = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
    this.innerHash = new byte[digest.getDigestLength()];
  }

  /** The full tag length, {@code Nh}. */
  int length() {
    return innerHash.length;
  }

  /** Starts a new tag. */
  void start() {
    digest.reset();
    digest.update(innerPad);
  }

  void update(byte[] data, int offset, int length) {
    digest.update(data, offset, length);
  }

  /** Absorbs {@code buffer[from..to)} leaving the buffer's cursors as found. */
  void update(ByteBuffer buffer, int from, int to) {
    if (buffer.hasArray()) {
      digest.update(buffer.array(), buffer.arrayOffset() + from, to - from);
      return;
    }
    int position = buffer.position();
    int limit = buffer.limit();
    buffer.limit(to).position(from);
    digest.update(buffer);
    buffer.limit(limit).position(position);
  }

  /** Writes the full {@code Nh}-byte tag to {@code out[0..Nh)}. */
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

  /** Wipes the pads and the intermediate hash. */
  void destroy() {
    Arrays.fill(innerPad, (byte) 0);
    Arrays.fill(outerPad, (byte) 0);
    Arrays.fill(innerHash, (byte) 0);
    digest.reset();
  }
}
