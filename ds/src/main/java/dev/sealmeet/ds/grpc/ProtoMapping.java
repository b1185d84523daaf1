package dev.sealmeet.ds.grpc;

import com.google.protobuf.ByteString;
import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.ds.grpc.proto.ClaimKeyPackageResponse;
import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.GetExternalSenderResponse;
import dev.sealmeet.ds.grpc.proto.SubmitResponse;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.Credential;
import java.util.Optional;

/** Between the meeting layer's values and the messages of {@code delivery.proto}, both ways. */
final class ProtoMapping {
  private ProtoMapping() {}

  static SubmitResponse toProto(SubmitResult result) {
    return SubmitResponse.newBuilder()
        .setStatus(switch (result.status()) {
          case ACCEPTED -> dev.sealmeet.ds.grpc.proto.SubmitStatus.ACCEPTED;
          case STALE_EPOCH -> dev.sealmeet.ds.grpc.proto.SubmitStatus.STALE_EPOCH;
          case REFUSED -> dev.sealmeet.ds.grpc.proto.SubmitStatus.REFUSED;
        })
        .setSequence(result.sequence()).setEpoch(result.epoch()).setReason(result.reason())
        .build();
  }

  /**
   * @throws IllegalArgumentException if the answer is malformed (an unknown status, a sequence
   *     on a refusal)
   */
  /**
   * The server's answer to a submit.
   *
   * @throws TransportException (not retryable) for an answer that is no valid verdict: without a
   *     known status, or with a sequence number where it must have none or none where it must (a
   *     broken or hostile server; whether the envelope was ordered is unknown, as for a lost
   *     answer)
   */
  static SubmitResult submitResult(SubmitResponse response) throws TransportException {
    SubmitStatus status = switch (response.getStatus()) {
      case ACCEPTED -> SubmitStatus.ACCEPTED;
      case STALE_EPOCH -> SubmitStatus.STALE_EPOCH;
      case REFUSED -> SubmitStatus.REFUSED;
      default -> null;
    };
    if (status == null) {
      throw new TransportException("the server's submit answer has no known status", false);
    }
    try {
      return new SubmitResult(status, response.getSequence(), response.getEpoch(),
          response.getReason());
    } catch (IllegalArgumentException e) {
      throw new TransportException("the server's submit answer is malformed: " + e.getMessage(),
          false);
    }
  }

  /** @throws TransportException for an entry without a valid sequence number (a broken server) */
  static SequencedEnvelope fetched(Entry entry) throws TransportException {
    try {
      return entry(entry);
    } catch (IllegalArgumentException e) {
      throw new TransportException("the server sent a malformed log entry: " + e.getMessage(),
          false);
    }
  }

  static Entry toProto(SequencedEnvelope entry) {
    return Entry.newBuilder().setSequence(entry.sequence())
        .setEnvelope(ByteString.copyFrom(entry.bytes())).build();
  }

  /** @throws IllegalArgumentException for a sequence number below 1 */
  static SequencedEnvelope entry(Entry entry) {
    return new SequencedEnvelope(entry.getSequence(), entry.getEnvelope().toByteArray());
  }

  static GetExternalSenderResponse toProto(ExternalSender sender) {
    return GetExternalSenderResponse.newBuilder()
        .setSignatureKey(ByteString.copyFrom(sender.signatureKey()))
        .setCredential(ByteString.copyFrom(sender.credential().toBytes())).build();
  }

  /** @throws DecodeException if the credential is not an RFC 9420 §5.3 Credential */
  static ExternalSender externalSender(GetExternalSenderResponse response) throws DecodeException {
    Credential credential = TlsReader.decodeExactly(response.getCredential().toByteArray(),
        Credential::decode);
    return new ExternalSender(response.getSignatureKey().toByteArray(), credential);
  }

  static ClaimKeyPackageResponse toProto(Optional<KeyPackageEntry> entry) {
    if (entry.isEmpty()) {
      return ClaimKeyPackageResponse.newBuilder().setFound(false).build();
    }
    KeyPackageEntry e = entry.get();
    return ClaimKeyPackageResponse.newBuilder().setFound(true).setAccount(e.account())
        .setLastResort(e.lastResort()).setKeyPackage(ByteString.copyFrom(e.keyPackage())).build();
  }

  static Optional<KeyPackageEntry> keyPackage(ClaimKeyPackageResponse response) {
    if (!response.getFound()) {
      return Optional.empty();
    }
    return Optional.of(new KeyPackageEntry(response.getAccount(), response.getLastResort(),
        response.getKeyPackage().toByteArray()));
  }
}
