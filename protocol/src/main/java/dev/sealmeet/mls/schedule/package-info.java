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
 * Receiving a PrivateMessage (RFC 9420 §6.3) without changing state on failure:
 *
 * <pre>
 * SenderDataKey sdk = epoch.senderDataKey(ciphertext);           // §6.3.2
 * SenderData sd = decode(sdk.open(senderDataAad, encryptedSenderData));
 * HashRatchet r = tree.ratchet(sd.leafIndex(), RatchetType.APPLICATION);
 * MessageKey key = r.peek(sd.generation());                      // no state change
 * byte[] content = key.open(sd.reuseGuard(), privateContentAad, ciphertext);
 * r.consume(sd.generation());                                    // only after success (§9.2)
 * </pre>
 *
 * Every secret lives in a typed holder over {@link dev.sealmeet.crypto.Secret}; none prints its bytes.
 * Group contexts are taken as {@link dev.sealmeet.mls.message.GroupContext} or already encoded.
 */
package dev.sealmeet.mls.schedule;
