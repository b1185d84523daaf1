package dev.sealmeet.crypto;

import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;

/**
 * What an MLS cipher suite is made of, apart from the code point a deployment gives it (RFC 9420
 * §17.1; draft-ietf-mls-pq-ciphersuites, IANA Considerations): the HPKE KEM, the KDF (whose hash is
 * the suite's hash), the AEAD and the TLS signature scheme. A {@link SuiteRegistry} maps code points
 * to definitions, so that the same definition can sit at different code points in different
 * deployments, and two definitions never hide behind one code point.
 *
 * @param name the registry name, e.g. {@code MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519}
 * @param kemId the HPKE KEM id (RFC 9180 §7.1, draft-ietf-hpke-pq)
 * @param kdf the KDF; also the MLS hash and the HPKE KDF
 * @param aeadId the HPKE AEAD id: 0x0001 AES-128-GCM, 0x0002 AES-256-GCM, 0x0003 ChaCha20-Poly1305
 * @param signatureTlsId the TLS SignatureScheme code point, e.g. 0x0807 Ed25519, 0x0904 ML-DSA-44
 */
public record SuiteDefinition(String name, int kemId, Hkdf kdf, int aeadId, int signatureTlsId) {

  /** Checks nulls and that every component is one this build offers. */
  public SuiteDefinition {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("suite name must not be empty");
    }
    if (kdf == null) {
      throw new IllegalArgumentException("kdf must not be null");
    }
    if (aeadId < 0x0001 || aeadId > 0x0003) {
      throw new IllegalArgumentException(String.format("AEAD 0x%04x is not offered", aeadId));
    }
    if (Signatures.forTlsId(signatureTlsId) == null) {
      throw new IllegalArgumentException(
          String.format("signature scheme 0x%04x is not offered", signatureTlsId));
    }
    try {
      dev.sealmeet.crypto.hpke.Hpke.of(kemId, kdf.hpkeId(), aeadId);
    } catch (UnsupportedException e) {
      throw new IllegalArgumentException("suite " + name + ": " + e.getMessage(), e);
    }
  }

  /** The suite under code point {@code codePoint}, drawing randomness from {@code random}. */
  CipherSuite instantiate(int codePoint, SecureRandom random) {
    return new StandardCipherSuite(codePoint, kdf, digestName(kdf), aead(aeadId), kemId,
        signatureTlsId, random);
  }

  private static String digestName(Hkdf kdf) {
    switch (kdf) {
      case SHA256:
        return "SHA-256";
      case SHA384:
        return "SHA-384";
      default:
        return "SHA-512";
    }
  }

  private static Aead aead(int aeadId) {
    switch (aeadId) {
      case 0x0001:
        return Aeads.aes128Gcm();
      case 0x0002:
        return Aeads.aes256Gcm();
      default:
        return Aeads.chacha20Poly1305();
    }
  }
}
