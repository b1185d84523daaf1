package dev.sealmeet.meeting;

import dev.sealmeet.sframe.auth.FrameAuthStatus;

/**
 * A media frame received through {@link SenderAuthentication}: the frame as the media plane
 * decrypted it, its KID and CTR (to ask for its status later, {@link
 * SenderAuthentication#status}), and its sender-authentication status on arrival, usually {@link
 * FrameAuthStatus#PENDING}.
 *
 * @param frame the decrypted frame; its {@code senderLeaf} is the claimed sender until VERIFIED
 * @param kid the KID it carried
 * @param ctr its SFrame CTR
 * @param status its status on arrival
 */
public record AuthenticatedFrame(ReceivedFrame frame, long kid, long ctr, FrameAuthStatus status) {}
