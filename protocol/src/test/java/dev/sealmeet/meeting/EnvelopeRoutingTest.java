package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EnvelopeRouting} reads of a meeting's log what a delivery service routes by, as
 * protobuf-java reads the same bytes (the classes generated from {@code meeting.proto}).
 */
class EnvelopeRoutingTest {
  private final MeetingFixtures f = new MeetingFixtures();

  @Test
  void of_everyEnvelopeOfAMeeting_matchesProtobufJava() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).send(MediaKind.VIDEO, new byte[] {1, 2, 3});
    m.get(1).leave();
    MeetingInternals.pollAll(m);
    m.get(0).end();
    Map<EnvelopeRouting.Kind, Integer> kinds = new TreeMap<>();
    for (SequencedEnvelope entry : f.ds.recorded(m.get(0).id())) {
      EnvelopeRouting routing = EnvelopeRouting.of(entry.bytes());
      Envelope parsed = ProtoEnvelopes.parse(entry.bytes());
      kinds.merge(routing.kind(), 1, Integer::sum);
      assertThat(routing.meetingId()).isEqualTo(parsed.getMeetingId().toByteArray());
      switch (routing.kind()) {
        case PROPOSAL, COMMIT -> {
          assertThat(parsed.getHandshake().getKindValue())
              .isEqualTo(routing.kind() == EnvelopeRouting.Kind.PROPOSAL ? 1 : 2);
          assertThat(routing.epoch()).isEqualTo(parsed.getHandshake().getEpoch());
        }
        case WELCOME -> {
          assertThat(routing.epoch()).isEqualTo(parsed.getWelcome().getEpoch());
          assertThat(routing.recipients()).isEqualTo(parsed.getWelcome().getRecipientsList())
              .hasSize(1);
        }
        case ENDED -> assertThat(routing.epoch()).isEqualTo(parsed.getEnded().getEpoch());
        default -> assertThat(parsed.hasMedia()).isTrue();
      }
      assertThat(routing.toString()).doesNotContain("ann", "ben");
    }
    assertThat(kinds).containsOnlyKeys(EnvelopeRouting.Kind.PROPOSAL,
        EnvelopeRouting.Kind.COMMIT, EnvelopeRouting.Kind.WELCOME, EnvelopeRouting.Kind.MEDIA,
        EnvelopeRouting.Kind.ENDED);
  }

  @Test
  void of_noBodyOrAnotherHandshakeKind_isOther() throws DecodeException {
    HexFormat hex = HexFormat.of();
    EnvelopeRouting none = EnvelopeRouting.of(hex.parseHex("0a020102" + "1005"));
    assertThat(none.kind()).isEqualTo(EnvelopeRouting.Kind.OTHER);
    assertThat(none.meetingId()).containsExactly(1, 2);
    assertThat(none.epoch()).isZero();
    EnvelopeRouting seven = EnvelopeRouting.of(hex.parseHex("5204" + "0807" + "1009"));
    assertThat(seven.kind()).isEqualTo(EnvelopeRouting.Kind.OTHER);
    assertThat(seven.epoch()).isEqualTo(9);
    assertThat(seven.recipients()).isEmpty();
  }

  @Test
  void of_malformedBytes_throwsDecodeException() {
    assertThatThrownBy(() -> EnvelopeRouting.of(new byte[] {0x0a, 0x05, 1}))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> EnvelopeRouting.of(new byte[] {0x5a, 0x03, 0x12, 0x01, (byte) 0xff}))
        .isInstanceOf(DecodeException.class);
  }
}
