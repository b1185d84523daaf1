package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.util.Optional;

/**
 * A meeting's media through its delivery service, signed when the group requires sender
 * authentication (spec §2.7): media frames go out as {@code MediaFrame} envelopes of their kind,
 * each followed by the signature frames due ({@code SIGNATURE} envelopes); received media frames
 * are classified, received signature frames applied. Without the requirement, media goes as it
 * always did and a signature envelope is refused.
 *
 * <pre>
 *  send(kind, stream, frame) ─► SenderAuthentication.protect ─► MediaFrame(kind) ─► DS
 *                            └► signatureFrames() ─► MediaFrame(SIGNATURE) ─► DS (best effort)
 *  poll: sendDue() ─► log ─► MediaFrame(kind)      ─► receive ─► ReceivedFrame with its status
 *                         ─► MediaFrame(SIGNATURE) ─► unprotectSignature (rejected if it fails)
 *        ─► maintain() (deadlines, forgeries to the listener)
 *  each new epoch's media keys ─► epochInstalled() ─► leaf keys read before its frames
 * </pre>
 *
 * <p>The state is the {@link Meeting}'s; one thread drives it, like the meeting.
 */
final class MediaCarriage {
  /** The stream {@link Meeting#send(MediaKind, byte[])} records audio frames on. */
  static final long AUDIO_STREAM = 1;
  /** The stream {@link Meeting#send(MediaKind, byte[])} records video frames on. */
  static final long VIDEO_STREAM = 2;

  private static final long MAX_UINT32 = 0xFFFF_FFFFL;

  private final Meeting m;
  private final SenderAuthentication auth; // null: the group does not require it
  private long signaturesUnsent;

  /**
   * The carriage of {@code meeting}, whose media plane is built: signed if its group carries the
   * requirement, with the group's parameters and this client's frames kept per KID.
   *
   * @throws DecodeException if the group's requirement is malformed ([SM-AUTH-7])
   */
  MediaCarriage(Meeting meeting) throws DecodeException {
    this.m = meeting;
    SenderAuthParams local = meeting.client.options().senderAuthentication();
    this.auth = SenderAuthRequirement.in(meeting.group.context().extensions())
        .map(r -> SenderAuthentication.required(meeting, r.params(local)))
        .orElse(null);
  }

  /** The meeting's sender authentication, if its group requires it. */
  Optional<SenderAuthentication> auth() {
    return Optional.ofNullable(auth);
  }

  /** The stream of {@code kind} when the application names none. */
  static long streamOf(MediaKind kind) {
    return kind == MediaKind.AUDIO ? AUDIO_STREAM : VIDEO_STREAM;
  }

  /**
   * Protects {@code frame} (recording its tag on {@code stream} when signed), submits it, then the
   * signature frames due.
   *
   * @throws IllegalArgumentException if {@code stream} is not a uint32
   * @throws TransportException if the media frame's answer is lost (the signature frames due are
   *     sent at the next poll)
   */
  byte[] send(MediaKind kind, long stream, byte[] frame) throws TransportException {
    if (stream < 0 || stream > MAX_UINT32) {
      throw new IllegalArgumentException("stream must be a uint32");
    }
    byte[] sframe = auth == null ? m.media.protect(null, frame) : auth.protect(stream, frame);
    m.ds.submit(Envelopes.bytes(Envelopes.media(m.group.groupId(), kind, sframe)));
    sendDue();
    return sframe;
  }

  /**
   * Submits the signature frames due now (new statements, copies, windows older than {@code T}).
   * Best effort, like media: one whose answer is lost is counted, and what its loss costs is what
   * the copies ({@code R}) are for.
   */
  void sendDue() {
    if (auth == null) {
      return;
    }
    for (byte[] signature : auth.signatureFrames()) {
      try {
        m.ds.submit(Envelopes.bytes(Envelopes.signature(m.group.groupId(), signature)));
      } catch (TransportException lost) {
        signaturesUnsent++;
      }
    }
  }

  /** Signature frames whose submission failed, since the meeting started in this process. */
  long signaturesUnsent() {
    return signaturesUnsent;
  }

  /**
   * A media frame of another member from the log: decrypted or held as {@link
   * MediaProtector#receive} does, and classified when signed.
   *
   * @throws SealmeetException as {@link MediaProtector#receive}
   */
  Optional<ReceivedFrame> receiveMedia(byte[] sframe) throws SealmeetException {
    return auth == null ? m.media.receive(null, sframe) : auth.receive(sframe);
  }

  /**
   * A signature frame of another member from the log, applied (spec §2.7).
   *
   * @throws MeetingRuleException {@link MeetingRule#UNEXPECTED_ENVELOPE} if the meeting does not
   *     require sender authentication
   * @throws SealmeetException as {@link SenderAuthentication#unprotectSignature}; no status changes
   */
  void receiveSignature(byte[] sframe) throws SealmeetException {
    if (auth == null) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "a signature frame in a meeting that does not require sender authentication");
    }
    auth.unprotectSignature(sframe);
  }

  /** The media keys of a new epoch were installed: its leaf keys are read now. */
  void epochInstalled() {
    if (auth != null) {
      auth.epochInstalled();
    }
  }

  /** After a poll or a pushed envelope: deadlines, forgotten epochs, forgeries to the listener. */
  void maintain() {
    if (auth != null && m.status != Meeting.Status.ENDED) {
      auth.maintain();
    }
  }

  /** The status of the frame received under {@code kid} at {@code ctr}; UNKNOWN when unsigned. */
  FrameAuthStatus status(long kid, long ctr) {
    return auth == null ? FrameAuthStatus.UNKNOWN : auth.status(kid, ctr);
  }

  /** Whether it signs, and the signature frames unsent. */
  @Override
  public String toString() {
    return "MediaCarriage[" + (auth == null ? "unsigned" : "signed, " + signaturesUnsent
        + " signature frames unsent") + "]";
  }
}
