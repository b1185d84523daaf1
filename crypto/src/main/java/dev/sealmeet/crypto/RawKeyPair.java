package dev.sealmeet.crypto;

/**
 * A private key and its public key, both in the encodings the MLS test vectors use: raw public keys
 * (RFC 9180 SerializePublicKey / raw signature public keys), HPKE SerializePrivateKey, big-endian ECDSA
 * scalars, EdDSA seeds.
 *
 * <p>{@link #toString()} never prints the private key. {@link #destroy()} zero-fills this object's
 * copy of the private key (see {@link Secret} for what the library wipes and when).
 */
public final class RawKeyPair {
  private final byte[] privateKey;
  private final byte[] publicKey;
  private boolean destroyed;

  /** Copies both arrays. */
  public RawKeyPair(byte[] privateKey, byte[] publicKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = publicKey.clone();
  }

  /**
   * A copy of the serialized private key. Wipe it after use.
   *
   * @throws IllegalStateException if {@link #destroy()} was called
   */
  public byte[] privateKey() {
    if (destroyed) {
      throw new IllegalStateException("key pair was destroyed");
    }
    return privateKey.clone();
  }

  /** The private key in a new {@link Secret}, then {@link #destroy()}s this pair's copy. */
  public Secret takePrivateKey() {
    Secret secret = Secret.wrap(privateKey());
    destroy();
    return secret;
  }

  /** Zero-fills the private key; later {@link #privateKey()} calls throw. Idempotent. */
  public void destroy() {
    java.util.Arrays.fill(privateKey, (byte) 0);
    destroyed = true;
  }

  /** Whether {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return destroyed;
  }

  /** A copy of the serialized public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return destroyed ? "RawKeyPair[destroyed]"
        : "RawKeyPair[private " + privateKey.length + " bytes, public " + publicKey.length + " bytes]";
  }
}
