/**
 * The MLS labeled cryptographic functions of RFC 9420 §5, defined once for the whole protocol module.
 *
 * <pre>
 * SuiteRegistry.get(id) / CipherSuites.get(id) ──► CipherSuite (hash, HKDF, AEAD, HPKE, signature)
 *                              │
 *                              ▼
 *                          MlsSuite ── ExpandWithLabel / DeriveSecret / DeriveTreeSecret  (§5.1, §9)
 *                                   ── SignWithLabel / VerifyWithLabel                    (§5.1.2)
 *                                   ── EncryptWithLabel / DecryptWithLabel                (§5.1.3)
 *                                   ── RefHash, KeyPackageRef, ProposalRef                (§5.2)
 * </pre>
 *
 * Callers (tree, key schedule, framing) never build KDFLabel, SignContent or EncryptContext themselves.
 * Groups resolve a suite id through their {@code GroupConfig.suites()}, so the post-quantum suites,
 * whose code points are configuration, work wherever the classical ones do.
 */
package dev.sealmeet.mls.crypto;
