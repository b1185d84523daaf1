package dev.sealmeet.webrtc;

import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The receiving half of the place a JVM WebRTC stack plugs in: the shape of libwebrtc's {@code
 * FrameDecryptorInterface} ({@code api/crypto/frame_decryptor_interface.h}) over a {@link
 * Meeting}'s media plane. The stack asks for the output bound, then has one SFrame decrypted into
 * its own buffer, heap or direct, in place and without allocating on success.
 *
 * <pre>
 *  SFU ─► depacketizer ─► decrypt(type, csrcs, ad, sframe, out, result)
 *          ─► KID ─► epoch and sender (RFC 9605 §5.2) ─► AEAD open into out
 *          ─► SenderAuthentication classifies it (meeting requires it) ─► result ─► decoder
 * </pre>
 *
 * <p>Failures are statuses, not exceptions ({@link DecryptStatus}, mapped from our typed
 * exceptions): a failed frame is routine on a media path under attack or loss, and a replay or a
 * frame of an epoch not held yet is not a forgery. Whatever the status, a frame that is not OK
 * changes nothing: the replay window, the sender-authentication records and the caller's buffers
 * (positions included) stay as they were.
 *
 * <p>{@code additionalData} is ignored, as {@link FrameEncryptor} ignores it (spec §2.10); so are
 * the CSRCs: the KID names the sender.
 *
 * <p>Usage:
 * <pre>{@code
 * FrameDecryptor decryptor = FrameDecryptor.of(meeting);
 * DecryptResult result = new DecryptResult(); // one per decoding thread, reused
 * int bound = decryptor.maxPlaintextByteSize(MediaKind.VIDEO, sframe.remaining());
 * ByteBuffer out = ByteBuffer.allocateDirect(bound); // or reuse one of the largest bound
 * if (decryptor.decrypt(MediaKind.VIDEO, null, null, sframe, out, result).isOk()) {
 *   // out holds result.bytesWritten() bytes; result.authStatus() is usually PENDING
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Any number of decoding threads at once, each with its own {@link
 * DecryptResult}; never waits for the control plane.
 */
public final class FrameDecryptor {
  private final MediaProtector media;
  private final SenderAuthentication auth; // null: the meeting does not require it
  private final KidLayout layout;
  private final int tagLength;

  private FrameDecryptor(MediaProtector media, SenderAuthentication auth) {
    this.media = media;
    this.auth = auth;
    this.layout = media.layout();
    this.tagLength = media.suite().tagLength();
  }

  /**
   * The decryptor of {@code meeting}'s media: classified through {@link
   * Meeting#senderAuthentication()} if the meeting requires sender authentication, else through
   * {@link Meeting#media()} alone (every frame {@link FrameAuthStatus#UNKNOWN}).
   */
  public static FrameDecryptor of(Meeting meeting) {
    return new FrameDecryptor(meeting.media(), meeting.senderAuthentication().orElse(null));
  }

  /**
   * The most plaintext bytes {@link #decrypt} writes for an SFrame of {@code encryptedFrameSize}
   * bytes: the size less the shortest header (1 byte) and the tag; 0 if shorter. The same for
   * every media type.
   *
   * @throws IllegalArgumentException if {@code encryptedFrameSize} is negative
   */
  public int maxPlaintextByteSize(MediaKind mediaType, int encryptedFrameSize) {
    Objects.requireNonNull(mediaType, "mediaType");
    if (encryptedFrameSize < 0) {
      throw new IllegalArgumentException("encryptedFrameSize must not be negative");
    }
    return Math.max(0, encryptedFrameSize - 1 - tagLength);
  }

  /**
   * Authenticates and decrypts the SFrame {@code encryptedFrame[position, limit)} into {@code
   * frame} at its position, and fills {@code result}. On {@link DecryptStatus#OK} the SFrame is
   * consumed and {@code frame} advanced by {@link DecryptResult#bytesWritten()}; otherwise both
   * are left as they were. Allocates nothing on success once the frame's KID is tracked.
   *
   * @param mediaType the frame's media type (the protection is the same for both)
   * @param csrcs ignored (the KID names the sender); may be null
   * @param additionalData ignored ({@link FrameEncryptor}); may be null
   * @return {@code result}, filled
   * @throws IllegalArgumentException if {@code frame} has less room than the frame's plaintext
   *     (at most {@link #maxPlaintextByteSize}): checked before anything else, nothing changes
   * @throws IllegalStateException if the meeting's media plane is closed
   */
  public DecryptResult decrypt(MediaKind mediaType, int[] csrcs, ByteBuffer additionalData,
      ByteBuffer encryptedFrame, ByteBuffer frame, DecryptResult result) {
    Objects.requireNonNull(mediaType, "mediaType");
    result.reset();
    int at = frame.position();
    try {
      long kid = SframeHeader.peekKid(encryptedFrame);
      long ctr = SframeHeader.peekCtr(encryptedFrame);
      result.header(kid, ctr, layout.senderOf(kid));
      int plaintext = encryptedFrame.remaining() - SframeHeader.encodedLength(kid, ctr)
          - tagLength;
      if (plaintext > frame.remaining()) {
        throw new IllegalArgumentException("the frame buffer has " + frame.remaining()
            + " bytes remaining, the plaintext needs " + plaintext);
      }
      FrameAuthStatus status = FrameAuthStatus.UNKNOWN;
      if (auth != null) {
        status = auth.unprotect(encryptedFrame, frame);
      } else {
        media.unprotect(null, encryptedFrame, frame);
      }
      if (status == FrameAuthStatus.FORGED) {
        ((Buffer) frame).position(at); // nothing of a forged frame goes to the decoder
        result.forged();
      } else {
        result.decrypted(frame.position() - at, status);
      }
    } catch (ReplayException e) {
      result.failed(DecryptStatus.REPLAYED, e);
    } catch (MeetingRuleException e) {
      result.failed(e.rule() == MeetingRule.UNKNOWN_EPOCH ? DecryptStatus.RECOVERABLE
          : DecryptStatus.FAILED_TO_DECRYPT, e);
    } catch (SealmeetException e) { // DecodeException, AuthenticationException, any other
      result.failed(DecryptStatus.FAILED_TO_DECRYPT, e);
    }
    return result;
  }

  /** Whether frames are classified; never a key. */
  @Override
  public String toString() {
    return "FrameDecryptor[" + (auth != null ? "classified" : "unclassified") + "]";
  }
}
