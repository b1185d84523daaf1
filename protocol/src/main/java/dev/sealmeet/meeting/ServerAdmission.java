package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MediaFrame;
import dev.sealmeet.meeting.wire.MeetingEnded;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.WireFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a delivery service decides about one submitted envelope before it orders it, without any
 * group secret and without a transport or a store: the rules of {@link DeliveryService} that a
 * server checks (spec §5 [SM-DS-7]; a Welcome's admitter signature: §3.3). {@link
 * InMemoryDeliveryService} and the networked server both decide with it, so there is one source
 * of truth for what a server accepts.
 *
 * <pre>
 * bytes ─► parse ─► Submission (meeting, submit id, digest, kind, epoch)
 *       ─► check(view, submission): a handshake authenticates against the public view (a commit
 *          moves the view with its GroupInfo), a Welcome is signed by a current member, an end is
 *          an application PrivateMessage of an epoch the group reached; media is opaque
 *       ─► submission.at(sequence): the bytes the log stores at that position
 * </pre>
 */
public final class ServerAdmission {
  private ServerAdmission() {}

  /** What an envelope carries, as a server routes and stores it. */
  public enum Kind {
    /** A proposal handshake (a leave, a removal by the server or a moderator). */
    PROPOSAL,
    /** A commit handshake with the GroupInfo of the epoch it starts. */
    COMMIT,
    /** A Welcome for accounts in the lobby. */
    WELCOME,
    /** An SFrame media frame. */
    MEDIA,
    /**
     * A signature frame of sender authentication ({@code MediaFrame} of kind {@code SIGNATURE},
     * spec §2.7): opaque like media, but every member needs it and a sender emits one per {@code
     * N} frames of a stream, so a server that refuses media orders these.
     */
    SIGNATURE,
    /** The end of the meeting. */
    ENDED
  }

  /** One parsed envelope, not yet ordered. Immutable. */
  public static final class Submission {
    private final Envelope envelope;
    private final byte[] digest;
    private final Kind kind;

    private Submission(Envelope envelope, byte[] digest, Kind kind) {
      this.envelope = envelope;
      this.digest = digest;
      this.kind = kind;
    }

    /** The meeting it is for (copy). */
    public byte[] meetingId() {
      return envelope.meetingId();
    }

    /** The client-chosen submit id (copy); empty if the client chose none. */
    public byte[] submitId() {
      return envelope.submitId();
    }

    /** SHA-256 of the envelope without its sequence number: a retry has the same (copy). */
    public byte[] digest() {
      return digest.clone();
    }

    /** What it carries. */
    public Kind kind() {
      return kind;
    }

    /** The epoch a handshake is of, if it is one. */
    public OptionalLong handshakeEpoch() {
      return envelope.body() instanceof Handshake h ? OptionalLong.of(h.epoch())
          : OptionalLong.empty();
    }

    /** For a commit, the MLSMessage bytes of the GroupInfo of the epoch it starts (copy). */
    public Optional<byte[]> nextGroupInfo() {
      return envelope.body() instanceof Handshake h && h.kind() == Handshake.COMMIT
          ? Optional.of(h.groupInfo().clone()) : Optional.empty();
    }

    /**
     * For a handshake from a member, the leaf index of its sender; empty for anything else
     * (an external sender's proposal, a Welcome, media, an end) or bytes that do not parse.
     */
    public OptionalLong memberSender() {
      if (!(envelope.body() instanceof Handshake h)) {
        return OptionalLong.empty();
      }
      try {
        if (Envelopes.mls(h.mlsMessage()).body() instanceof PublicMessage pm
            && pm.content().sender().senderType() == SenderType.MEMBER) {
          return OptionalLong.of(pm.content().sender().index());
        }
      } catch (DecodeException e) {
        return OptionalLong.empty();
      }
      return OptionalLong.empty();
    }

    /** The envelope's bytes as the log stores them at {@code sequence} (1 or more). */
    public byte[] at(long sequence) {
      if (sequence <= 0) {
        throw new IllegalArgumentException("a sequence number is 1 or more");
      }
      return envelope.withSequence(sequence).toBytes();
    }

    /** The kind only. */
    @Override
    public String toString() {
      return "Submission[" + kind + "]";
    }
  }

  /**
   * Parses a submitted envelope.
   *
   * @throws DecodeException if the bytes are no control envelope or carry no body
   */
  public static Submission parse(byte[] envelope) throws DecodeException {
    Envelope parsed = Envelopes.parse(envelope);
    Envelope.Body body = parsed.body();
    Kind kind;
    if (body instanceof Handshake h) {
      kind = h.kind() == Handshake.COMMIT ? Kind.COMMIT : Kind.PROPOSAL;
    } else if (body instanceof WelcomeMessage) {
      kind = Kind.WELCOME;
    } else if (body instanceof MediaFrame media) {
      kind = media.kind() == MediaFrame.SIGNATURE ? Kind.SIGNATURE : Kind.MEDIA;
    } else if (body instanceof MeetingEnded) {
      kind = Kind.ENDED;
    } else {
      throw new DecodeException("an envelope without body");
    }
    return new Submission(parsed, sha256(parsed.withSequence(0).toBytes()), kind);
  }

  /**
   * Checks what a server can check of {@code submission} against the group's public state (the
   * epoch of a handshake is the caller's to compare first: another epoch is {@code STALE_EPOCH},
   * not a refusal). A commit moves {@code view} to the epoch it starts; anything else leaves it
   * as it was. Media and signature frames are opaque and pass.
   *
   * @throws SealmeetException naming what failed (the reason of a {@code REFUSED} answer)
   */
  public static void check(PublicGroupView view, Submission submission) throws SealmeetException {
    if (!Arrays.equals(submission.envelope.meetingId(), view.groupId())) {
      throw refused("the envelope is of another meeting");
    }
    Envelope.Body body = submission.envelope.body();
    if (body instanceof Handshake handshake) {
      MlsMessage message = Envelopes.mls(handshake.mlsMessage());
      if (handshake.kind() == Handshake.PROPOSAL) {
        view.check(message, ContentType.PROPOSAL);
      } else if (handshake.kind() == Handshake.COMMIT) {
        view.advance(message, Envelopes.mls(handshake.groupInfo()));
      } else {
        throw refused("handshake kind " + handshake.kind());
      }
    } else if (body instanceof MeetingEnded ended) {
      MlsMessage message = Envelopes.mls(ended.mlsMessage());
      if (!(message.body() instanceof PrivateMessage end)
          || end.contentType() != ContentType.APPLICATION
          || !Arrays.equals(end.groupId(), view.groupId())
          || Long.compareUnsigned(end.epoch(), view.epoch()) > 0) {
        throw refused("not an application PrivateMessage of this meeting");
      }
    } else if (body instanceof WelcomeMessage welcome) {
      if (Envelopes.mls(welcome.mlsMessage()).wireFormat() != WireFormat.WELCOME) {
        throw refused("not a Welcome");
      }
      if (!signedByMember(view, welcome)) {
        throw refused("the Welcome is not signed by a current member (spec §3.3)");
      }
    }
  }

  /**
   * The envelope of a Remove proposal for the client at {@code leaf}, sent by the server as the
   * group's external sender {@code identity} (RFC 9420 §12.1.8.1), at {@code epoch}. It needs no
   * group secret; the server orders it like any other envelope.
   */
  public static byte[] externalRemove(MlsSuite suite, SigningIdentity identity, byte[] meetingId,
      long epoch, long leaf) {
    MlsMessage proposal = ExternalProposals.remove(suite, meetingId, epoch, 0, identity, leaf);
    return Envelopes.handshake(meetingId, Handshake.PROPOSAL, epoch, proposal).toBytes();
  }

  /** Whether a current member's leaf key verifies the Welcome's admitter signature. */
  private static boolean signedByMember(PublicGroupView view, WelcomeMessage welcome) {
    byte[] tbs = Invitation.welcomeToBeSigned(view.groupId(), welcome.mlsMessage());
    byte[] signature = welcome.admitterSignature();
    for (long leaf : view.tree().occupiedLeaves()) {
      byte[] key = view.tree().leaf(leaf).orElseThrow().signatureKey();
      if (view.suite().verifyWithLabel(key, Invitation.WELCOME_LABEL, tbs, signature)) {
        return true;
      }
    }
    return false;
  }

  private static MeetingRuleException refused(String why) {
    return new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, why);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
