package dev.sealmeet.crypto;

/**
 * Factory of the signature schemes of the MLS cipher suites (RFC 9420 §5.1.2, §17.1): Ed25519, Ed448
 * and ECDSA over P-256/SHA-256, P-384/SHA-384, P-521/SHA-512; and ML-DSA-65 (FIPS 204) for future
 * post-quantum suites.
 *
 * <p>All use BouncyCastle's lightweight API: {@code rfc8032.Ed25519}/{@code Ed448} for EdDSA, and
 * {@code ECDSASigner} with custom-curve arithmetic and RFC 6979 deterministic nonces for ECDSA. ECDSA
 * signatures are parsed by our own strict DER reader before BouncyCastle sees them. ML-DSA-65 uses
 * {@code MLDSASigner}, deterministic. Verification
 * returns {@code false} for every malformed key or signature and never throws for hostile input; it is
 * checked against the Wycheproof vectors in {@code spec/vectors/wycheproof}.
 *
 * <p>The returned instances are stateless, thread-safe singletons.
 */
public final class Signatures {
  private static final SignatureScheme ED25519 = new Ed25519Scheme();
  private static final SignatureScheme ED448 = new Ed448Scheme();
  private static final SignatureScheme P256 = EcdsaScheme.p256Sha256();
  private static final SignatureScheme P384 = EcdsaScheme.p384Sha384();
  private static final SignatureScheme P521 = EcdsaScheme.p521Sha512();
  private static final SignatureScheme ML_DSA_65 = new MlDsa65Scheme();

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
   * seed, 1952-byte public key, 3309-byte signature, deterministic signing. No MLS cipher suite uses it
   * yet; it is here for post-quantum suites and is checked against Wycheproof.
   */
  public static SignatureScheme mlDsa65() {
    return ML_DSA_65;
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
      case 0x0905:
        return ML_DSA_65;
      default:
        return null;
    }
  }
}
