/**
 * The public crypto API of Sealmeet: MLS cipher suites (RFC 9420 §5.1, §17.1) and the primitives they
 * are composed of. Nothing here knows MLS labels or SFrame.
 *
 * <pre>
 * CipherSuites.get(id, random) ──► CipherSuite (one MLS suite)
 *                                    ├─ hash / MAC / Hkdf           (JDK MessageDigest, HMAC)
 *                                    ├─ Aead      ◄── Aeads          (JCE AES-GCM, ChaCha20-Poly1305)
 *                                    ├─ HPKE      ◄── crypto.hpke    (RFC 9180, over DhGroup/Hkdf/Aead)
 *                                    │                 └─ DhGroup ◄── DhGroups (X25519, X448, P-256/384/521)
 *                                    └─ SignatureScheme ◄── Signatures
 * </pre>
 *
 * <p>Secrets travel in {@link dev.sealmeet.crypto.Secret}; no type here prints key material. No JCE or
 * BouncyCastle type appears in a public signature; the implementations are package-private.
 */
package dev.sealmeet.crypto;
