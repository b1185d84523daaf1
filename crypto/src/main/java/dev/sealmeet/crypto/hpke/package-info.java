/**
 * HPKE (RFC 9180) composed once over Sealmeet's primitive interfaces: {@link
 * dev.sealmeet.crypto.DhGroup} (DHKEM, §4.1), {@link dev.sealmeet.crypto.Hkdf} (KDF, §4, §7.2) and
 * {@link dev.sealmeet.crypto.Aead} (§5.2, §7.3). All four modes (§5.1), DHKEM(P-256, P-384, P-521,
 * X25519, X448) with the KDF fixed by each KEM id (§7.1), KDFs HKDF-SHA256/384/512, AEADs AES-128-GCM,
 * AES-256-GCM, ChaCha20-Poly1305 and export-only (0xFFFF), DeriveKeyPair with the NIST-curve rejection
 * loop and bitmasks (§7.1.3), the context Seal/Open/Export API (§5.2, §5.3) and the single-shot API (§6).
 *
 * <p>Post-quantum (draft-ietf-hpke-pq): the ML-KEM KEMs 0x0040–0x0042 ({@code MlKemHpkeKem}, over
 * {@link dev.sealmeet.crypto.MlKem}) and the PQ/T hybrids MLKEM768-P256 (0x0050), MLKEM1024-P384
 * (0x0051) and MLKEM768-X25519 = X-Wing (0x647a) ({@code HybridKem}), all in base and PSK mode only;
 * their private keys are seeds and DeriveKeyPair is SHAKE256 LabeledDerive. The single-stage KDFs
 * SHAKE128 (0x0010) and SHAKE256 (0x0011) run the one-call key schedule and LabeledDerive exports;
 * TurboSHAKE (0x0012, 0x0013) is not offered. All KEMs sit behind the package-private {@code HpkeKem}.
 *
 * <pre>
 *  pkR ──► HpkeKem.encap (randomness, [skS]) ──► shared_secret, enc
 *                                   │
 *  info, psk, psk_id ──► KeySchedule (§5.1) ──► key, base_nonce, exporter_secret
 *                                   │
 *                 HpkeSenderContext.seal / HpkeReceiverContext.open   (nonce = base_nonce XOR seq)
 *                 HpkeContext.export  (LabeledExpand or LabeledDerive(exporter_secret, "sec", ctx, L))
 * </pre>
 *
 * <h2>Why not BouncyCastle's {@code org.bouncycastle.crypto.hpke}</h2>
 *
 * BC 1.87's HPKE passes the RFC 9180 vectors (128/128, checked when the vectors were bundled), but it
 * does not fit: (1) its {@code hpke.AEAD} class hard-wires BC's pure-Java {@code GCMBlockCipher} over
 * {@code AESEngine} and BC's {@code ChaCha20Poly1305} (verified in the 1.87 bytecode), with no way to
 * plug in another AEAD, while our rule is JCE AEADs (platform intrinsics) on every path that encrypts
 * (a rough measurement on the shared 2-core build machine, 64 KiB messages, not JMH: JCE AES-128-GCM
 * 0.3-1.3 GB/s once warm, BC's GCMBlockCipher 20-60 MB/s);
 * (2) its API is in BC types ({@code AsymmetricKeyParameter}, {@code AsymmetricCipherKeyPair}) and BC
 * exceptions, so every call would need key decoding and exception mapping, and hostile {@code enc}
 * values would surface as BC runtime exceptions rather than {@link
 * dev.sealmeet.error.BadKeyException}; (3) it exposes no key-schedule intermediates, so the vector
 * check could not compare {@code key_schedule_context}, {@code secret} or the nonces. Composing HPKE
 * here is a few hundred lines over primitives we already own and test, and the RFC vectors judge it.
 * BC's HPKE remains useful as an independent peer in tests.
 *
 * <p>Secrets: contexts and key schedule outputs never print key material; {@link
 * dev.sealmeet.crypto.hpke.HpkeContext#destroy()} wipes a context. The accessors that expose the key
 * schedule ({@code aeadKey}, {@code baseNonce}, {@code exporterSecret}, {@code nextNonce}, {@code
 * Hpke.keyScheduleSecret}, {@code Hpke.setupSenderWithEphemeral}, {@code Hpke.setupSenderDerandomized}) are package-private; the
 * conformance runner reaches them only through {@link dev.sealmeet.crypto.hpke.HpkeKnownAnswers},
 * which is not API.
 */
package dev.sealmeet.crypto.hpke;
