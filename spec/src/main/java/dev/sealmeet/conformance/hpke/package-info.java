/**
 * The RFC 9180 HPKE vector family: {@code hpke/test-vectors.json} of the official vectors (CFRG
 * format; origin and SHA-256 pinned in {@code official-vectors.pins}). Every field the format
 * lists is compared on both the sender and the receiver side.
 *
 * <pre>
 * case ──► DeriveKeyPair(ikmE/ikmR/ikmS) ─ compare sk*m, pk*m
 *      ──► setupSenderWithEphemeral(skEm) ─ enc, key schedule, encryptions (nonce, ct), exports
 *      ──► setupReceiver(enc, skRm)        ─ shared_secret, key schedule, decryptions, exports
 * </pre>
 */
package dev.sealmeet.conformance.hpke;
