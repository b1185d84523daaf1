package dev.sealmeet.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Holder of secret bytes: owns a private copy, never prints its content, compares in constant time and
 * can be wiped.
 *
 * <p>Not a record on purpose: records generate {@code equals}, {@code hashCode} and {@code toString}
 * over their content. Raw bytes leave the holder only through {@link #copyBytes()}, which is easy to
 * grep for. Java cannot promise that no copy of the bytes survives elsewhere (the GC may move arrays),
 * so keep holders short-lived and {@link #destroy()} them when done.
 */
public final class Secret {
  private final byte[] bytes;
  private boolean destroyed;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}; the caller may wipe its own array afterwards. */
  public static Secret copyOf(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("secret bytes must not be null");
    }
    return new Secret(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; the caller must not keep a reference. */
  public static Secret wrap(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("secret bytes must not be null");
    }
    return new Secret(bytes);
  }

  /**
   * A new holder with a copy of these bytes, made without an intermediate array (unlike {@code
   * copyOf(copyBytes())}, which leaves one unwiped).
   *
   * @throws IllegalStateException if this secret was destroyed
   */
  public Secret copy() {
    checkLive();
    return new Secret(bytes.clone());
  }

  /** The number of bytes held. */
  public int length() {
    return bytes.length;
  }

  /** A fresh copy of the secret bytes. The caller owns it and should wipe it after use. */
  public byte[] copyBytes() {
    checkLive();
    return bytes.clone();
  }

  /** Constant-time comparison of content (lengths are public). */
  public boolean equalsSecret(Secret other) {
    checkLive();
    other.checkLive();
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Zero-fills the bytes; every later use throws {@link IllegalStateException}. Idempotent. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  /** Whether {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
  }

  /** Type and length only, never content. */
  @Override
  public String toString() {
    return destroyed ? "Secret[destroyed]" : "Secret[" + bytes.length + " bytes]";
  }
}
