package dev.sealmeet.webrtc;

import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The sending half of the place a JVM WebRTC stack plugs in: the shape of libwebrtc's {@code
 * FrameEncryptorInterface} ({@code api/crypto/frame_encryptor_interface.h}) over a {@link
 * Meeting}'s media plane. The stack asks for the output bound, then has one encoded frame
 * encrypted into its own buffer, heap or direct, in place and without allocating.
 *
 * <pre>
 *  encoder ─► encrypt(type, ssrc, ad, frame, out) ─► SenderAuthentication.protect(ssrc, ...)
 *               (meeting requires it: tag recorded on stream = SSRC, signed every N frames)
 *             or MediaProtector.protect(...)         (meeting does not)
 *          ─► out: SFrame (RFC 9605 §4.2) ─► packetizer ─► SFU
 * </pre>
 *
 * <p><b>Streams.</b> Spec §2.7 wants one stream per track and per simulcast or SVC layer, and
 * libwebrtc gives each of those its own SSRC (RFC 3550 §8: unique within the RTP session), so the
 * stream id is the SSRC, whatever the media type. A sender records at most {@link
 * dev.sealmeet.sframe.auth.TagSigner#MAX_STREAMS} streams; beyond, {@link #encrypt} throws before
 * it encrypts.
 *
 * <p><b>Additional data is not authenticated.</b> libwebrtc passes the frame's "additional data"
 * (for video, a serialized generic frame descriptor). It is ignored: frames are protected with
 * empty SFrame metadata, exactly as {@link Meeting#send} protects them, so one receiver path serves
 * both; the descriptor is routing data that an SFU may rewrite (frame numbers when it switches
 * layers), which would make every such frame fail; and it is not carried in the SFrame, so
 * receivers could not check it against what the sender saw anyway. Spec §2.10.
 *
 * <p><b>Codec-aware video</b> ({@code sframe.codec}) is not offered here: its tag sits, escaped,
 * in a trailer, while sender authentication records the last {@code Nt} bytes of a plain SFrame, so
 * such frames could not be signed correctly, and its byte[] path is not zero-copy.
 *
 * <p><b>Signature frames.</b> The signature frames the recorded tags make due go through the
 * delivery service at the meeting's next {@link Meeting#poll}, or the application takes them with
 * {@link SenderAuthentication#signatureFrames} and routes them itself.
 *
 * <p>Usage, with a stack whose encryptor hook takes {@code ByteBuffer}s:
 * <pre>{@code
 * FrameEncryptor encryptor = FrameEncryptor.of(meeting);
 * int bound = encryptor.maxCiphertextByteSize(MediaKind.VIDEO, frame.remaining());
 * ByteBuffer out = ByteBuffer.allocateDirect(bound); // or reuse one of the largest bound
 * int written = encryptor.encrypt(MediaKind.VIDEO, ssrc, null, frame, out);
 * }</pre>
 *
 * <p><b>Threads.</b> Any number of encoder threads at once; never waits for the control plane.
 */
public final class FrameEncryptor {
  private static final long MAX_UINT32 = 0xFFFF_FFFFL;

  private final MediaProtector media;
  private final SenderAuthentication auth; // null: the meeting does not require it

  private FrameEncryptor(MediaProtector media, SenderAuthentication auth) {
    this.media = media;
    this.auth = auth;
  }

  /**
   * The encryptor of {@code meeting}'s media: signed through {@link
   * Meeting#senderAuthentication()} if the meeting requires sender authentication, else through
   * {@link Meeting#media()} alone.
   */
  public static FrameEncryptor of(Meeting meeting) {
    return new FrameEncryptor(meeting.media(), meeting.senderAuthentication().orElse(null));
  }

  /** Whether frames are recorded for sender authentication (the meeting requires it). */
  public boolean signsFrames() {
    return auth != null;
  }

  /**
   * The most bytes {@link #encrypt} writes for a frame of {@code frameSize} bytes: the longest
   * SFrame header ({@link SframeHeader#MAX_LENGTH}) plus the frame plus the tag. The same for every
   * media type.
   *
   * @throws IllegalArgumentException if {@code frameSize} is negative or the bound overflows an int
   */
  public int maxCiphertextByteSize(MediaKind mediaType, int frameSize) {
    Objects.requireNonNull(mediaType, "mediaType");
    if (frameSize < 0) {
      throw new IllegalArgumentException("frameSize must not be negative");
    }
    long bound = (long) frameSize + SframeHeader.MAX_LENGTH + media.suite().tagLength();
    if (bound > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a frame of " + frameSize + " bytes is too long");
    }
    return (int) bound;
  }

  /**
   * Encrypts {@code frame[position, limit)} into {@code encryptedFrame} at its position under the
   * meeting's send key in force now, recording its tag on stream {@code ssrc} when the meeting
   * requires sender authentication. Consumes {@code frame} and advances {@code encryptedFrame}.
   * Allocates nothing once the SSRC has been seen (a statement per {@code N} frames aside).
   *
   * @param mediaType the frame's media type (the protection is the same for both)
   * @param ssrc the RTP SSRC of the frame's track or layer, a uint32: its sender-authentication
   *     stream
   * @param additionalData ignored (see the class comment); may be null
   * @return the bytes written, at most {@link #maxCiphertextByteSize}
   * @throws IllegalArgumentException if {@code ssrc} is not a uint32, or {@code encryptedFrame}
   *     has less room than this frame needs (at most {@link #maxCiphertextByteSize}): nothing is
   *     consumed and no CTR is used
   * @throws IllegalStateException if there is no send key (not a member, or the meeting ended),
   *     or {@code ssrc} would be a stream beyond {@link
   *     dev.sealmeet.sframe.auth.TagSigner#MAX_STREAMS}; nothing is consumed
   */
  public int encrypt(MediaKind mediaType, long ssrc, ByteBuffer additionalData, ByteBuffer frame,
      ByteBuffer encryptedFrame) {
    Objects.requireNonNull(mediaType, "mediaType");
    if (ssrc < 0 || ssrc > MAX_UINT32) {
      throw new IllegalArgumentException("ssrc must be a uint32");
    }
    return auth != null ? auth.protect(ssrc, frame, encryptedFrame)
        : media.protect(null, frame, encryptedFrame);
  }

  /** Whether frames are signed; never a key. */
  @Override
  public String toString() {
    return "FrameEncryptor[" + (auth != null ? "signed" : "unsigned") + "]";
  }
}
