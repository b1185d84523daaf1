package dev.sealmeet.meeting;

import com.google.protobuf.ByteString;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.KeyPackageUpload;
import dev.sealmeet.meeting.proto.SubmitResult;
import dev.sealmeet.meeting.proto.WelcomeMessage;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.protocol.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.WireFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded {@link DeliveryService}: one in-memory log per meeting, thread-safe. It records
 * every envelope it orders, which is what the demo's relay proofs attack. A scale-out server puts
 * the same contract on an ordered log (one partition key per meeting).
 */
public final class InMemoryDeliveryService implements DeliveryService, LobbyKnocks {
  /** Most knocks kept per meeting; later ones are dropped (anyone can knock). */
  public static final int MAX_KNOCKS = 1024;

  private final MlsSuite suite;
  private final SigningIdentity identity;
  private final Map<String, MeetingLog> meetings = new HashMap<>();
  private final Map<String, Deque<KeyPackageUpload>> directory = new HashMap<>();
  private final Map<String, List<String>> knocks = new HashMap<>();

  private static final class MeetingLog {
    final List<Envelope> entries = new ArrayList<>();
    final PublicGroupView view;

    MeetingLog(PublicGroupView view) {
      this.view = view;
    }
  }

  /** A delivery service for meetings of {@code suite}, with a fresh signing identity. */
  public InMemoryDeliveryService(MlsSuite suite) {
    this.suite = suite;
    this.identity = SigningIdentity.generate(suite,
        new BasicCredential("sealmeet delivery service".getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public ExternalSender externalSender() {
    return new ExternalSender(identity.signaturePublicKey(), identity.credential());
  }

  @Override
  public synchronized void openMeeting(byte[] meetingId, MlsMessage groupInfo) {
    if (meetings.containsKey(key(meetingId))) {
      throw new IllegalStateException("the meeting exists");
    }
    PublicGroupView view;
    try {
      view = PublicGroupView.of(suite, groupInfo);
    } catch (SealmeetException e) {
      throw new IllegalArgumentException("the GroupInfo does not verify", e);
    }
    if (!Arrays.equals(view.groupId(), meetingId)) {
      throw new IllegalArgumentException("the GroupInfo is of another group");
    }
    meetings.put(key(meetingId), new MeetingLog(view));
  }

  @Override
  public synchronized SubmitResult submit(Envelope envelope) {
    MeetingLog log = log(envelope.getMeetingId().toByteArray());
    if (envelope.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET) {
      throw new IllegalArgumentException("envelope without body");
    }
    if (envelope.hasHandshake() && envelope.getHandshake().getEpoch() != log.view.epoch()) {
      return SubmitResult.newBuilder().setStatus(SubmitResult.Status.STALE_EPOCH)
          .setEpoch(log.view.epoch()).build();
    }
    try {
      admit(log.view, envelope);
    } catch (SealmeetException e) {
      return SubmitResult.newBuilder().setStatus(SubmitResult.Status.REFUSED)
          .setEpoch(log.view.epoch()).setReason(e.getMessage()).build();
    }
    long sequence = log.entries.size() + 1;
    log.entries.add(envelope.toBuilder().setSequence(sequence).build());
    return SubmitResult.newBuilder().setStatus(SubmitResult.Status.ACCEPTED)
        .setSequence(sequence).setEpoch(log.view.epoch()).build();
  }

  /**
   * Checks what the server can check of an envelope against the group's public state: a
   * handshake must authenticate ({@link PublicGroupView#check}; a commit moves the view with its
   * GroupInfo), an end must be an application PrivateMessage of this group and an epoch it has
   * reached, a Welcome a Welcome its admitter (a current member) signed. Media frames are opaque
   * to the server.
   */
  private static void admit(PublicGroupView view, Envelope envelope) throws SealmeetException {
    switch (envelope.getBodyCase()) {
      case HANDSHAKE -> {
        Handshake handshake = envelope.getHandshake();
        MlsMessage message = Envelopes.mls(handshake.getMlsMessage());
        if (handshake.getKind() == Handshake.Kind.PROPOSAL) {
          view.check(message, ContentType.PROPOSAL);
        } else if (handshake.getKind() == Handshake.Kind.COMMIT) {
          view.advance(message, Envelopes.mls(handshake.getGroupInfo()));
        } else {
          throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "handshake kind "
              + handshake.getKindValue());
        }
      }
      case ENDED -> {
        MlsMessage message = Envelopes.mls(envelope.getEnded().getMlsMessage());
        if (!(message.body() instanceof PrivateMessage end)
            || end.contentType() != ContentType.APPLICATION
            || !Arrays.equals(end.groupId(), view.groupId())
            || Long.compareUnsigned(end.epoch(), view.epoch()) > 0) {
          throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
              "not an application PrivateMessage of this meeting");
        }
      }
      case WELCOME -> {
        WelcomeMessage welcome = envelope.getWelcome();
        if (Envelopes.mls(welcome.getMlsMessage()).wireFormat() != WireFormat.WELCOME) {
          throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "not a Welcome");
        }
        if (!signedByMember(view, welcome)) {
          throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
              "the Welcome is not signed by a current member (spec §3.3)");
        }
      }
      default -> { }
    }
  }

  /** Whether a current member's leaf key verifies the Welcome's admitter signature. */
  private static boolean signedByMember(PublicGroupView view, WelcomeMessage welcome) {
    byte[] tbs = Invitation.welcomeToBeSigned(view.groupId(),
        welcome.getMlsMessage().toByteArray());
    byte[] signature = welcome.getAdmitterSignature().toByteArray();
    for (long leaf : view.tree().occupiedLeaves()) {
      byte[] key = view.tree().leaf(leaf).orElseThrow().signatureKey();
      if (view.suite().verifyWithLabel(key, Invitation.WELCOME_LABEL, tbs, signature)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<Envelope> fetch(byte[] meetingId, long fromSequence) {
    List<Envelope> entries = log(meetingId).entries;
    int from = (int) Math.max(0, Math.min(entries.size(), fromSequence - 1));
    return List.copyOf(entries.subList(from, entries.size()));
  }

  @Override
  public synchronized void publishKeyPackage(KeyPackageUpload upload) {
    directory.computeIfAbsent(upload.getAccount(), a -> new ArrayDeque<>()).add(upload);
  }

  @Override
  public synchronized void knock(byte[] meetingId, String account) {
    List<String> lobby = knocks.computeIfAbsent(key(meetingId), k -> new ArrayList<>());
    if (lobby.size() < MAX_KNOCKS) {
      lobby.add(account);
    }
  }

  @Override
  public synchronized List<String> knocks(byte[] meetingId, int from) {
    List<String> all = knocks.getOrDefault(key(meetingId), List.of());
    return List.copyOf(all.subList(Math.min(from, all.size()), all.size()));
  }

  @Override
  public synchronized Optional<KeyPackageUpload> claimKeyPackage(String account) {
    Deque<KeyPackageUpload> packages = directory.get(account);
    if (packages == null || packages.isEmpty()) {
      return Optional.empty();
    }
    KeyPackageUpload first = packages.peekFirst();
    if (first.getLastResort() && packages.size() == 1) {
      return Optional.of(first);
    }
    if (first.getLastResort()) {
      packages.addLast(packages.pollFirst());
    }
    return Optional.of(packages.pollFirst());
  }

  /**
   * Proposes, as the group's external sender, to remove the client at {@code leaf} (one that
   * dropped), for a member to commit (RFC 9420 §12.1.8.1). Needs no group secret.
   *
   * @return the proposal's sequence number
   */
  public synchronized long proposeRemove(byte[] meetingId, long leaf) {
    long epoch = log(meetingId).view.epoch();
    byte[] proposal = ExternalProposals.remove(suite, meetingId, epoch, 0, identity, leaf)
        .toBytes();
    return submit(Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.PROPOSAL)
            .setEpoch(epoch).setMlsMessage(ByteString.copyFrom(proposal)))
        .build()).getSequence();
  }

  /** The meeting's epoch as the server has ordered it. */
  public synchronized long epoch(byte[] meetingId) {
    return log(meetingId).view.epoch();
  }

  /** Every envelope recorded for the meeting (the relay's view). */
  public synchronized List<Envelope> recorded(byte[] meetingId) {
    return List.copyOf(log(meetingId).entries);
  }

  private MeetingLog log(byte[] meetingId) {
    MeetingLog log = meetings.get(key(meetingId));
    if (log == null) {
      throw new IllegalArgumentException("no such meeting");
    }
    return log;
  }

  private static String key(byte[] meetingId) {
    return Hex.encode(meetingId);
  }

  /** Counts only. */
  @Override
  public synchronized String toString() {
    return "InMemoryDeliveryService[" + meetings.size() + " meetings]";
  }
}
