/**
 * The Project Wycheproof family: the primitives beneath MLS, HPKE and SFrame (EdDSA, ECDSA, X25519,
 * X448, ECDH, AES-GCM, ChaCha20-Poly1305, HKDF, HMAC) checked against {@code wycheproof/} of the
 * official vectors (origin and SHA-256 pinned in {@code official-vectors.pins}). Files are
 * recognised by {@code schema} and {@code algorithm}; the policy for {@code acceptable} cases is {@code spec/wycheproof-policy.md}.
 *
 * <pre>
 * file ──► WycheproofFamily.checkFor(schema, algorithm) ──► Check (one per schema)
 * test ──► skipReason? ── yes ──► skipped (reason)
 *            │ no
 *            ▼
 *          expectAccept (valid / invalid / policy for acceptable)
 *          run ──► Verdict (accepted + outputs match? / rejected how)
 *          compare ──► passed / failed (flags and comment named)
 * </pre>
 */
package dev.sealmeet.conformance.wycheproof;
