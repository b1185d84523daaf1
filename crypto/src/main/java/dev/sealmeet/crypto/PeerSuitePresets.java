package dev.sealmeet.crypto;

/**
 * The post-quantum code points two deployed MLS stacks chose, as facts read from their public
 * sources (ids, names and components only): OpenMLS 0.9 and ts-mls 1.6. Each preset starts from
 * {@link SuiteRegistry#rfc9420()}. Suites whose components Sealmeet does not offer are left out, each
 * with its reason in the preset's Javadoc on {@link SuiteRegistry}.
 */
final class PeerSuitePresets {
  private PeerSuitePresets() {}

  /**
   * OpenMLS 0.9 (tag {@code openmls-v0.9.0-rc.3}, file {@code traits/src/types.rs}, enums {@code
   * Ciphersuite}, {@code HpkeKemType}, {@code SignatureScheme}; unchanged on its main branch as
   * read): the suites built on ML-KEM (HPKE KEMs 0x0041 and 0x0042).
   */
  static SuiteRegistry openMls09() {
    return SuiteRegistry.rfc9420()
        .with(0x0042, new SuiteDefinition(
            "MLS_192_MLKEM1024_AES256GCM_SHA384_P384", 0x0042, Hkdf.SHA384, 0x0002, 0x0503))
        .with(0x0050, new SuiteDefinition(
            "MLS_128_MLKEM768_AES256GCM_SHA384_P256", 0x0041, Hkdf.SHA384, 0x0002, 0x0403))
        .with(0x0051, new SuiteDefinition(
            "MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65", 0x0041, Hkdf.SHA384, 0x0002, 0x0905))
        .with(0x0906, new SuiteDefinition(
            "MLS_256_MLKEM1024_AES256GCM_SHA512_MLDSA87", 0x0042, Hkdf.SHA512, 0x0002, 0x0906))
        .with(0x0907, new SuiteDefinition(
            "MLS_256_MLKEM1024_AES256GCM_SHA384_MLDSA87", 0x0042, Hkdf.SHA384, 0x0002, 0x0906))
        .with(0xF042, new SuiteDefinition(
            "MLS_128_MLKEM768_AES256GCM_SHA384_Ed25519", 0x0041, Hkdf.SHA384, 0x0002, 0x0807));
  }

  /**
   * ts-mls 1.6 (tag {@code v1.6.2} and branch {@code 1.x}, which carry the same file; file {@code
   * src/crypto/ciphersuite.ts}, object {@code ciphersuiteValues}; MLS KDF = the HPKE KDF as in
   * {@code src/crypto/implementation/default/provider.ts}; HPKE KEM ids of {@code @hpke/core}: ML-KEM
   * 0x0040–0x0042, X-Wing 0x647a): suites 81–88, whose hash and KDF are both SHA-512.
   */
  static SuiteRegistry tsMls16() {
    return SuiteRegistry.rfc9420()
        .with(81, new SuiteDefinition(
            "MLS_256_MLKEM1024_AES256GCM_SHA512_Ed25519", 0x0042, Hkdf.SHA512, 0x0002, 0x0807))
        .with(82, new SuiteDefinition("MLS_256_MLKEM1024_CHACHA20POLY1305_SHA512_Ed25519",
            0x0042, Hkdf.SHA512, 0x0003, 0x0807))
        .with(83, new SuiteDefinition(
            "MLS_256_XWING_AES256GCM_SHA512_Ed25519", 0x647a, Hkdf.SHA512, 0x0002, 0x0807))
        .with(84, new SuiteDefinition(
            "MLS_256_XWING_CHACHA20POLY1305_SHA512_Ed25519", 0x647a, Hkdf.SHA512, 0x0003, 0x0807))
        .with(85, new SuiteDefinition(
            "MLS_256_MLKEM1024_AES256GCM_SHA512_MLDSA87", 0x0042, Hkdf.SHA512, 0x0002, 0x0906))
        .with(86, new SuiteDefinition("MLS_256_MLKEM1024_CHACHA20POLY1305_SHA512_MLDSA87",
            0x0042, Hkdf.SHA512, 0x0003, 0x0906))
        .with(87, new SuiteDefinition(
            "MLS_256_XWING_AES256GCM_SHA512_MLDSA87", 0x647a, Hkdf.SHA512, 0x0002, 0x0906))
        .with(88, new SuiteDefinition(
            "MLS_256_XWING_CHACHA20POLY1305_SHA512_MLDSA87", 0x647a, Hkdf.SHA512, 0x0003, 0x0906));
  }
}
