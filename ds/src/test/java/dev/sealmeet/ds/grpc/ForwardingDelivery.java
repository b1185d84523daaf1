package dev.sealmeet.ds.grpc;

import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A delivery service that forwards every call; tests override what they watch. */
class ForwardingDelivery implements DeliveryService {
  private final DeliveryService next;

  ForwardingDelivery(DeliveryService next) {
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
