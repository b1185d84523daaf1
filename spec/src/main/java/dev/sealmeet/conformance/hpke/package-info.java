/**
 * The HPKE vector families: {@code hpke/test-vectors.json}, RFC 9180's vectors (CFRG format), and
 * {@code hpke-pq/test-vectors.json}, draft-ietf-hpke-pq's (the same layout without the ephemeral key
 * pair and key-schedule intermediates); origins and SHA-256 pinned in {@code official-vectors.pins}.
 * Every field each format lists is compared on both the sender and the receiver side ({@code
 * HpkeChecks} holds the checks they share). For the draft's KEMs {@code ikmE} is the encapsulation
 * randomness itself rather than a DeriveKeyPair input.
 *
 * <pre>
 * case ──► DeriveKeyPair(ikmE/ikmR/ikmS) ─ compare sk*m, pk*m
 *      ──► setupSenderWithEphemeral(skEm) ─ enc, key schedule, encryptions (nonce, ct), exports
 *      ──► setupReceiver(enc, skRm)        ─ shared_secret, key schedule, decryptions, exports
 * </pre>
 */
package dev.sealmeet.conformance.hpke;
