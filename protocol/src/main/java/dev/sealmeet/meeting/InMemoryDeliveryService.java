package dev.sealmeet.meeting;

import com.google.protobuf.ByteString;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.KeyPackageUpload;
import dev.sealmeet.meeting.proto.SubmitResult;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.protocol.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
public final class InMemoryDeliveryService implements DeliveryService {
  private final MlsSuite suite;
  private final SigningIdentity identity;
  private final Map<String, MeetingLog> meetings = new HashMap<>();
  private final Map<String, Deque<KeyPackageUpload>> directory = new HashMap<>();

  private static final class MeetingLog {
    final List<Envelope> entries = new ArrayList<>();
    long epoch;
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
  public synchronized void openMeeting(byte[] meetingId, long epoch) {
    if (meetings.putIfAbsent(key(meetingId), new MeetingLog()) != null) {
      throw new IllegalStateException("the meeting exists");
    }
    meetings.get(key(meetingId)).epoch = epoch;
  }

  @Override
  public synchronized SubmitResult submit(Envelope envelope) {
    MeetingLog log = log(envelope.getMeetingId().toByteArray());
    if (envelope.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET) {
      throw new IllegalArgumentException("envelope without body");
    }
    if (envelope.hasHandshake()) {
      Handshake handshake = envelope.getHandshake();
      if (handshake.getEpoch() != log.epoch) {
        return SubmitResult.newBuilder().setStatus(SubmitResult.Status.STALE_EPOCH)
            .setEpoch(log.epoch).build();
      }
      if (handshake.getKind() == Handshake.Kind.COMMIT) {
        log.epoch++;
      }
    }
    long sequence = log.entries.size() + 1;
    log.entries.add(envelope.toBuilder().setSequence(sequence).build());
    return SubmitResult.newBuilder().setStatus(SubmitResult.Status.ACCEPTED)
        .setSequence(sequence).setEpoch(log.epoch).build();
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
    MeetingLog log = log(meetingId);
    byte[] proposal = ExternalProposals.remove(suite, meetingId, log.epoch, 0, identity, leaf)
        .toBytes();
    return submit(Envelope.newBuilder().setMeetingId(ByteString.copyFrom(meetingId))
        .setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.PROPOSAL)
            .setEpoch(log.epoch).setMlsMessage(ByteString.copyFrom(proposal)))
        .build()).getSequence();
  }

  /** The meeting's epoch as the server has ordered it. */
  public synchronized long epoch(byte[] meetingId) {
    return log(meetingId).epoch;
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
