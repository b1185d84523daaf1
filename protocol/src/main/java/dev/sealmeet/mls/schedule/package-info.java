/**
 * The MLS key schedule (RFC 9420 §8), pre-shared keys (§8.4), exporter (§8.5), transcript hashes
 * (§8.2) and the secret tree with its hash ratchets (§9, deletion schedule §9.2).
 *
 * <pre>
 * InitSecret ─┐
 * commit_secret ─► JoinerSecret.derive(.., GroupContext) ─► JoinerSecret ──► welcomeSecret(psk)
 *                                                             │                 └► WelcomeSecret
 * PskSecret.compute(psks) ──────────────────────────────────► epochSecrets(psk, GroupContext)
 *                                                             ▼
 *   EpochSecrets: sender data, encryption, exporter, external, confirm, membership, resumption,
 *                 authentication, next InitSecret
 *      ├─ secretTree(n) ─► SecretTree ─► HashRatchet (per leaf, handshake/application) ─► MessageKey
 *      ├─ senderDataKey(ciphertext) ─► SenderDataKey
 *      ├─ confirmationTag / membershipTag, export(label, context, length), externalPublicKey
 * TranscriptHashes: confirmed / interim, updated per Commit
 * </pre>
 *
 * Every secret lives in a typed holder over {@link dev.sealmeet.crypto.Secret}; none prints its bytes.
 * Group contexts are taken as {@link dev.sealmeet.mls.message.GroupContext} or already encoded.
 */
package dev.sealmeet.mls.schedule;
