/**
 * Sender authentication for SFrame media (Sealmeet spec §2.7): SFrame keys come from a secret every
 * member holds, so a KID proves membership, not the sender (RFC 9605 §9.2). Each sender signs the
 * authentication tags of the frames it sent, per stream, with its MLS leaf signature key
 * ({@code SignWithLabel}, RFC 9420 §5.1.2), in signature frames that travel SFrame-protected
 * beside the media; each receiver classifies every frame PENDING, VERIFIED or FORGED.
 *
 * <pre>
 * sender:   SFrame protect ─► TagSigner.record ─► takeDue ─► TagSignatureFrame ─► SFrame protect
 *                                                                (metadata "sealmeet sframe tags v1")
 * receiver: SFrame unprotect ─► TagVerifier.onFrame ─► PENDING ─┬─► VERIFIED (signed tag equal)
 *           SFrame unprotect ─► TagVerifier.onSignatureFrame ───┤─► FORGED (TAG_MISMATCH)
 *           TagVerifier.expire (deadline D) ────────────────────┘─► FORGED (UNSIGNED)
 * </pre>
 *
 * <p>Nothing here knows MLS: the signature is behind {@link dev.sealmeet.sframe.auth.TagSigning}
 * and {@link dev.sealmeet.sframe.auth.TagSignatureCheck}, the KID's leaf behind a function.
 */
package dev.sealmeet.sframe.auth;
