package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sealmeet.ds.grpc.proto.Entry;
import dev.sealmeet.ds.grpc.proto.SubmitResponse;
import dev.sealmeet.ds.grpc.proto.SubmitStatus;
import dev.sealmeet.meeting.TransportException;
import org.junit.jupiter.api.Test;

/** What a client makes of a broken or hostile server's answers: typed failures, never crashes. */
class ProtoMappingTest {

  @Test
  void aSubmitAnswerThatIsNoVerdict_isATransportFailure() throws Exception {
    SubmitResponse accepted = SubmitResponse.newBuilder().setStatus(SubmitStatus.ACCEPTED)
        .setSequence(7).setEpoch(3).build();
    assertThat(ProtoMapping.submitResult(accepted).sequence()).isEqualTo(7);
    for (SubmitResponse broken : new SubmitResponse[] {
        accepted.toBuilder().clearStatus().build(), // no status
        accepted.toBuilder().setStatusValue(9).build(), // unknown status
        accepted.toBuilder().setSequence(0).build(), // accepted without a place in the log
        accepted.toBuilder().setStatus(SubmitStatus.REFUSED).build()}) { // refused with one
      assertThatThrownBy(() -> ProtoMapping.submitResult(broken))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.retryable()).isFalse());
    }
  }

  @Test
  void aLogEntryWithoutASequenceNumber_isATransportFailure() throws Exception {
    Entry good = Entry.newBuilder().setSequence(1).setEnvelope(ByteString.copyFrom(new byte[2]))
        .build();
    assertThat(ProtoMapping.fetched(good).sequence()).isEqualTo(1);
    assertThatThrownBy(() -> ProtoMapping.fetched(good.toBuilder().setSequence(0).build()))
        .isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> ProtoMapping.fetched(good.toBuilder().setSequence(-1).build()))
        .isInstanceOf(TransportException.class);
  }
}
