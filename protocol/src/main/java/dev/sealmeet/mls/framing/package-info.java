/**
 * MLS message protection and Welcome processing: PublicMessage (RFC 9420 §6.2) and
 * PrivateMessage (§6.3: content encryption §6.3.1, sender data encryption §6.3.2) in both
 * directions, the content signature over FramedContentTBS (§6.1), and both sides of a Welcome
 * (§12.4.3.1).
 *
 * <pre>
 *            ContentSignatures.sign / signed (FramedContentTBS, §6.1)
 * FramedContent ───────────────► AuthenticatedContent
 *                                   │ PublicMessageProtection.protect  (+ membership_tag)
 *                                   │ PrivateMessageProtection.protect (ratchet key ⊕ reuse guard,
 *                                   ▼                                    sender data key(sample))
 *                     PublicMessage / PrivateMessage   (incoming: mls.message records)
 *                                   │ unprotect: group/epoch, tags, AEADs, signature
 *                                   ▼
 *                            VerifiedContent                (only this package creates it)
 *
 * Welcome ─WelcomeReceiver.join─► GroupSecrets ─► GroupInfo (signature, confirmation_tag)
 *                                 ─► VerifiedWelcome (EpochSecrets, path secret)
 * WelcomeSender.sign(GroupInfo), .create(joiner, PSKs, GroupInfo, NewMembers) ─► Welcome
 * EpochProtection.of(EpochSecrets): both protections of one epoch, dispatching on MLSMessage
 * </pre>
 *
 * A rejected message changes no state: PrivateMessage keys are peeked, and consumed only after the
 * content decrypted, decoded and verified. Failures name the check: {@code membership_tag}, the
 * sender data or content AEAD, the FramedContentTBS or GroupInfo signature, the confirmation tag.
 * No type here prints a secret.
 */
package dev.sealmeet.mls.framing;
