package dev.sealmeet.meeting;

import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A delivery service that passes every call to {@code next}: the tests' hostile or instrumented
 * servers extend it and override only the calls they change.
 */
public abstract class ForwardingDeliveryService implements DeliveryService {
  /** Where every call goes unless overridden. */
  protected final DeliveryService next;

  protected ForwardingDeliveryService(DeliveryService next) {
    this.next = next;
  }

  @Override
  public ExternalSender externalSender() {
    return next.externalSender();
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
    next.openMeeting(meetingId, groupInfo);
  }

  @Override
  public SubmitResult submit(byte[] envelope) throws TransportException {
    return next.submit(envelope);
  }

  @Override
  public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    return next.fetch(meetingId, fromSequence);
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    return next.subscribe(meetingId, fromSequence, listener);
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
      throws TransportException {
    next.publishKeyPackage(meetingId, entry);
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
       throws TransportException {
    return next.claimKeyPackage(meetingId, account);
  }
}
