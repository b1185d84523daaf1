package dev.sealmeet.crypto;

/**
 * Factory of the Diffie-Hellman groups of the RFC 9180 DHKEMs (§7.1), with the §7.1.1 key
 * encodings: raw X25519/X448 keys; uncompressed SEC1 public keys and fixed-length big-endian
 * private scalars for the NIST curves.
 *
 * <p>X25519 and X448 use BouncyCastle's lightweight {@code rfc7748} ladder, which is regular.
 * P-256/384/521 use the JDK's SunEC ({@code KeyPairGenerator "EC"}, {@code KeyAgreement "ECDH"}),
 * whose field arithmetic and scalar multiplication are constant-time; they replaced BouncyCastle's
 * variable-base wNAF multiplication, which was not. One NIST-curve operation stays on BouncyCastle:
 * {@link DhGroup#publicKey} of a given private key (HPKE DeriveKeyPair, RFC 9180 §7.1.3), because
 * the JDK has no public API to multiply the base point by a chosen scalar; it uses BouncyCastle's
 * fixed-base comb (a fixed number of additions, constant-time table lookups). Every {@link
 * DhGroup#dh} validates the peer's public key strictly, in our own code before any provider sees
 * it, and X25519/X448 reject an all-zero shared secret (RFC 9180 §7.1.4) with {@link
 * dev.sealmeet.error.BadKeyException}.
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class DhGroups {
  private static final DhGroup X25519 = XdhGroup.x25519();
  private static final DhGroup X448 = XdhGroup.x448();
  private static final DhGroup P256 = EcdhGroup.p256();
  private static final DhGroup P384 = EcdhGroup.p384();
  private static final DhGroup P521 = EcdhGroup.p521();

  private DhGroups() {}

  /** X25519 (RFC 7748) under DHKEM(X25519, HKDF-SHA256), KEM id 0x0020: Npk = Nsk = Ndh = 32. */
  public static DhGroup x25519() {
    return X25519;
  }

  /** X448 (RFC 7748) under DHKEM(X448, HKDF-SHA512), KEM id 0x0021: Npk = Nsk = Ndh = 56. */
  public static DhGroup x448() {
    return X448;
  }

  /** P-256 under DHKEM(P-256, HKDF-SHA256), KEM id 0x0010: Npk 65, Nsk 32, Ndh 32. */
  public static DhGroup p256() {
    return P256;
  }

  /** P-384 under DHKEM(P-384, HKDF-SHA384), KEM id 0x0011: Npk 97, Nsk 48, Ndh 48. */
  public static DhGroup p384() {
    return P384;
  }

  /** P-521 under DHKEM(P-521, HKDF-SHA512), KEM id 0x0012: Npk 133, Nsk 66, Ndh 66. */
  public static DhGroup p521() {
    return P521;
  }

  /**
   * The group whose DHKEM has {@code kemId} (0x0010, 0x0011, 0x0012, 0x0020, 0x0021), or {@code
   * null}.
   */
  public static DhGroup forKemId(int kemId) {
    switch (kemId) {
      case 0x0010:
        return P256;
      case 0x0011:
        return P384;
      case 0x0012:
        return P521;
      case 0x0020:
        return X25519;
      case 0x0021:
        return X448;
      default:
        return null;
    }
  }
}
