package dev.sealmeet.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Holder of secret bytes: owns a private copy, never prints its content, compares in constant time and
 * can be wiped.
 *
 * <p>Not a record on purpose: records generate {@code equals}, {@code hashCode} and {@code toString}
 * over their content. Raw bytes leave the holder only through {@link #copyBytes()}, which is easy to
 * grep for.
 *
 * <h2>What Sealmeet overwrites, and when</h2>
 *
 * <p>This is the library's one statement on erasing secrets; the code does this and promises nothing
 * more.
 *
 * <ul>
 *   <li><b>Holders.</b> {@link #destroy()} zero-fills this object's array; later use throws. A holder
 *       the caller passes in is only read (copied where kept); a holder returned to the caller is the
 *       caller's to destroy.
 *   <li><b>Intermediate values.</b> The holders and raw arrays the library makes while deriving (key
 *       schedule and PSK chain steps, TreeKEM path secrets and node keys, SFrame {@code sframe_secret},
 *       key and salt) are zero-filled before the deriving method returns, on error paths too. Raw
 *       copies taken with {@link #copyBytes()} to call a primitive are zero-filled in a {@code finally}
 *       block; {@link #copy()} duplicates a holder without an intermediate array; HKDF-Expand zero-fills
 *       its T(i) blocks.
 *   <li><b>Key pairs.</b> {@link RawKeyPair#destroy()} zero-fills the private key. TreeKEM node key pairs
 *       are moved into holders with {@link RawKeyPair#takePrivateKey()}; the MLS external-init key pair and
 *       HPKE's fresh ephemeral key pairs are destroyed right after use.
 *   <li><b>Wire records with secrets.</b> {@code GroupSecrets} and {@code PathSecret} own one copy
 *       each and zero-fill it on {@code destroy()}; {@code WelcomeSender} and {@code WelcomeReceiver}
 *       destroy the ones they create, and hand out separate copies.
 *   <li><b>Long-lived state.</b> Key-schedule holders, {@code TreePrivateKeys}, the message
 *       protections and hash ratchets wipe on {@code destroy()}, ratchets also each message key after
 *       use. {@code SframeSender} and {@code SframeReceiver} wipe a KID's key bytes, salt, nonce and
 *       AEAD scratch arrays (which hold salt XOR CTR) on {@code removeKey} and on {@code close()}.
 * </ul>
 *
 * <h2>What it cannot overwrite</h2>
 *
 * <ul>
 *   <li>Copies made by the JVM: the garbage collector may move an array and leave the old bytes behind.
 *   <li>Key material inside JCE and BouncyCastle objects: {@code SecretKeySpec} (its {@code destroy()}
 *       throws, measured on JDK 17 and 25), the key schedules of {@code Cipher} and {@code Mac}, the
 *       {@code MessageDigest} states of the SFrame HMAC, and provider key objects ({@code BigInteger}
 *       scalars). These become unreachable with the key that created them and are never reused after it
 *       is removed, closed or destroyed.
 *   <li>Arrays the caller owns: {@code byte[]} arguments are copied, not wiped, and {@code byte[]}
 *       results (plaintexts, {@link #copyBytes()}, exported values) belong to the caller.
 * </ul>
 *
 * <p>So keep holders short-lived and destroy them when done.
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
