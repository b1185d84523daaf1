package dev.sealmeet.ds;

import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.LobbyKnocks;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** A {@link CoreDeliveryService} that records what its client submitted and the answers. */
final class RecordingDeliveryService implements DeliveryService, LobbyKnocks {
  /** One submit. */
  record Submitted(byte[] envelope, SubmitResult result) {}

  volatile CoreDeliveryService inner;
  final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  final List<byte[]> opened = new CopyOnWriteArrayList<>();
  private final AtomicReference<Interleaved> before = new AtomicReference<>();

  RecordingDeliveryService(CoreDeliveryService inner) {
    this.inner = inner;
  }

  /** The last submit. */
  Submitted last() {
    return submitted.get(submitted.size() - 1);
  }

  @Override
  public ExternalSender externalSender() {
    return inner.externalSender();
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
    inner.openMeeting(meetingId, groupInfo);
    opened.add(groupInfo.toBytes());
  }

  /** What happens elsewhere before this client's next submit reaches the server. */
  interface Interleaved {
    void run() throws Exception;
  }

  /** Runs {@code step} once, just before the next submit is passed on. */
  void beforeNextSubmit(Interleaved step) {
    before.set(step);
  }

  @Override
  public SubmitResult submit(byte[] envelope) throws TransportException {
    Interleaved step = before.getAndSet(null);
    if (step != null) {
      try {
        step.run();
      } catch (Exception e) {
        throw new AssertionError("the interleaved step failed", e);
      }
    }
    SubmitResult result = inner.submit(envelope);
    submitted.add(new Submitted(envelope.clone(), result));
    return result;
  }

  @Override
  public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    return inner.fetch(meetingId, fromSequence);
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    return inner.subscribe(meetingId, fromSequence, listener);
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
      throws TransportException {
    inner.publishKeyPackage(meetingId, entry);
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws TransportException {
    return inner.claimKeyPackage(meetingId, account);
  }

  @Override
  public void knock(byte[] meetingId, String account) {
    inner.knock(meetingId, account);
  }

  @Override
  public List<String> knocks(byte[] meetingId, int from) {
    return inner.knocks(meetingId, from);
  }
}
