package dev.sealmeet.crypto;

/**
 * Factory of the signature schemes of the MLS cipher suites (RFC 9420 §5.1.2, §17.1): Ed25519,
 * Ed448 and ECDSA over P-256/SHA-256, P-384/SHA-384, P-521/SHA-512; and ML-DSA-65 (FIPS 204) for
 * future post-quantum suites.
 *
 * <p>EdDSA uses BouncyCastle's {@code rfc8032.Ed25519}/{@code Ed448}; ML-DSA-65 its deterministic
 * {@code MLDSASigner}. ECDSA signs with the JDK's SunEC ({@code SHA256withECDSA} and so on), whose
 * signing is constant-time, with randomized nonces from the {@link java.security.SecureRandom} the
 * caller passes ({@link SignatureScheme#sign(byte[], byte[], java.security.SecureRandom)}; a cipher
 * suite passes its injected one) or else the JDK's default (the JDK has no RFC 6979 mode; RFC 9420
 * does not require one). It
 * replaced BouncyCastle's {@code ECDSASigner}, whose {@code s = k^-1 (e + d r) mod n} used {@link
 * java.math.BigInteger} and was not constant-time. Two ECDSA operations stay on BouncyCastle:
 * {@link SignatureScheme#publicKey} of a given private key (fixed-base comb; the JDK cannot
 * multiply the base point by a chosen scalar through its public API) and verification, which
 * handles public data only and which SunEC on JDK 17 gets wrong (it rejects valid signatures whose
 * {@code x(R)} is at least n). ECDSA signatures are parsed by our own strict DER reader, and public
 * keys validated by our own point check, before any provider sees them. Verification returns {@code
 * false} for every malformed key or signature and never throws for hostile input; it is checked
 * against the official Wycheproof vectors ({@code wycheproof/}, see spec/vectors/README.md).
 *
 * <p>Why BouncyCastle for EdDSA: it passes the Wycheproof files, and in a quick single-thread
 * measurement on JDK 17 (shared machine, so only the ratios mean anything) it was about 2-4x faster
 * than the JDK's {@code Ed25519}; its EdDSA signing is regular.
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class Signatures {
  private static final SignatureScheme ED25519 = new Ed25519Scheme();
  private static final SignatureScheme ED448 = new Ed448Scheme();
  private static final SignatureScheme P256 = EcdsaScheme.p256Sha256();
  private static final SignatureScheme P384 = EcdsaScheme.p384Sha384();
  private static final SignatureScheme P521 = EcdsaScheme.p521Sha512();
  private static final SignatureScheme ML_DSA_44 = MlDsaScheme.mlDsa44();
  private static final SignatureScheme ML_DSA_65 = MlDsaScheme.mlDsa65();
  private static final SignatureScheme ML_DSA_87 = MlDsaScheme.mlDsa87();

  private Signatures() {}

  /** Ed25519 (TLS 0x0807): 32-byte seed, 32-byte public key, 64-byte signature. */
  public static SignatureScheme ed25519() {
    return ED25519;
  }

  /** Ed448 (TLS 0x0808), empty context: 57-byte seed, 57-byte public key, 114-byte signature. */
  public static SignatureScheme ed448() {
    return ED448;
  }

  /** ECDSA P-256 with SHA-256 (TLS 0x0403): 32-byte scalar, 65-byte uncompressed point, DER. */
  public static SignatureScheme ecdsaP256Sha256() {
    return P256;
  }

  /** ECDSA P-384 with SHA-384 (TLS 0x0503): 48-byte scalar, 97-byte uncompressed point, DER. */
  public static SignatureScheme ecdsaP384Sha384() {
    return P384;
  }

  /** ECDSA P-521 with SHA-512 (TLS 0x0603): 66-byte scalar, 133-byte uncompressed point, DER. */
  public static SignatureScheme ecdsaP521Sha512() {
    return P521;
  }

  /**
   * Pure ML-DSA-65 (FIPS 204, empty context; IANA TLS SignatureScheme mldsa65, 0x0905): 32-byte
   * seed, 1952-byte public key, 3309-byte signature, deterministic signing; checked against
   * Wycheproof. The signature of the post-quantum MLS suite TBD10.
   */
  public static SignatureScheme mlDsa65() {
    return ML_DSA_65;
  }

  /**
   * Pure ML-DSA-44 (FIPS 204, empty context; TLS mldsa44, 0x0904): 32-byte seed, 1312-byte public
   * key, 2420-byte signature, deterministic signing. The signature of the post-quantum MLS suite TBD9.
   */
  public static SignatureScheme mlDsa44() {
    return ML_DSA_44;
  }

  /**
   * Pure ML-DSA-87 (FIPS 204, empty context; TLS mldsa87, 0x0906): 32-byte seed, 2592-byte public
   * key, 4627-byte signature, deterministic signing. The signature of the post-quantum MLS suite TBD11.
   */
  public static SignatureScheme mlDsa87() {
    return ML_DSA_87;
  }

  /** The scheme with TLS SignatureScheme code point {@code tlsId}, or {@code null}. */
  public static SignatureScheme forTlsId(int tlsId) {
    switch (tlsId) {
      case 0x0807:
        return ED25519;
      case 0x0808:
        return ED448;
      case 0x0403:
        return P256;
      case 0x0503:
        return P384;
      case 0x0603:
        return P521;
      case 0x0904:
        return ML_DSA_44;
      case 0x0905:
        return ML_DSA_65;
      case 0x0906:
        return ML_DSA_87;
      default:
        return null;
    }
  }
}
