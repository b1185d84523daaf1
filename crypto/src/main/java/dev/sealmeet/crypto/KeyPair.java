package dev.sealmeet.crypto;

/**
 * A private key and its public key, both in the encodings the MLS test vectors use: raw public keys
 * (RFC 9180 SerializePublicKey / raw signature public keys), HPKE SerializePrivateKey, big-endian ECDSA
 * scalars, EdDSA seeds.
 *
 * <p>{@link #toString()} never prints the private key.
 */
public final class KeyPair {
  private final byte[] privateKey;
  private final byte[] publicKey;

  /** Copies both arrays. */
  public KeyPair(byte[] privateKey, byte[] publicKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = publicKey.clone();
  }

  /** A copy of the serialized private key. Wipe it after use. */
  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** A copy of the serialized public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "KeyPair[private " + privateKey.length + " bytes, public " + publicKey.length + " bytes]";
  }
}
