package dev.sealmeet.meeting;

import dev.sealmeet.sframe.auth.ForgeryReason;

/**
 * A media frame that sender authentication reported forged (spec §2.7): it decrypted under the KID
 * of {@code claimedLeaf}, and that member's signatures contradict it or never covered it in time.
 *
 * @param kid the KID the frame carried
 * @param ctr its SFrame CTR
 * @param claimedLeaf the leaf the KID names: the member the frame pretends to come from
 * @param reason {@link ForgeryReason#TAG_MISMATCH} (proof) or {@link ForgeryReason#UNSIGNED}
 *     (presumption: also what the loss of every copy of a statement causes)
 */
public record ForgedFrame(long kid, long ctr, long claimedLeaf, ForgeryReason reason) {}
