package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.meeting.proto.MeetingProto;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.message.MlsMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The control schema of spec §6 is the spec's own file ({@code spec/proto/.../meeting.proto}),
 * compiled by protoc for these tests and shipped in the jar; every enum has its zero value
 * {@code *_UNSPECIFIED}; and the library acts on the zero values as §6 says: a handshake of kind
 * 0 (or any unknown kind) is rejected, a media frame of kind 0 is decrypted like any other. The
 * codec's bytes against protobuf-java's, both ways, are {@code ControlWireDifferentialProperties}.
 */
class ControlSchemaTest {
  private static final String SCHEMA = "sealmeet/meeting/v1/meeting.proto";

  private final MeetingFixtures f = new MeetingFixtures();

  @Test
  @DisplayName("the generated classes and the jar's schema are the spec's meeting.proto")
  void schema_isTheSpecsFile() throws IOException {
    assertThat(MeetingProto.getDescriptor().getName()).isEqualTo(SCHEMA);
    assertThat(MeetingProto.getDescriptor().getPackage()).isEqualTo("sealmeet.meeting.v1");
    byte[] shipped;
    try (InputStream in = ControlSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      assertThat(in).as("the schema in the protocol jar's resources").isNotNull();
      shipped = in.readAllBytes();
    }
    // Surefire runs in the module's folder; the spec folder is its sibling.
    assertThat(shipped).isEqualTo(Files.readAllBytes(Path.of("..", "spec", "proto", SCHEMA)));
  }

  @Test
  @DisplayName("every enum of the schema has 0 as its *_UNSPECIFIED value")
  void everyEnum_hasZeroUnspecified() {
    List<EnumDescriptor> enums = new ArrayList<>();
    for (Descriptor message : MeetingProto.getDescriptor().getMessageTypes()) {
      enums.addAll(message.getEnumTypes());
    }
    assertThat(enums).extracting(EnumDescriptor::getName)
        .containsExactlyInAnyOrder("Kind", "Kind", "Status");
    for (EnumDescriptor e : enums) {
      assertThat(e.findValueByNumber(0).getName()).as(e.getFullName()).endsWith("_UNSPECIFIED");
    }
  }

  @Test
  @DisplayName("a handshake of kind 0 or an unknown kind is rejected, state unchanged [SM-CTRL-3]")
  void handshakeOfKindZeroOrUnknown_isRejected() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    MlsMessage commit = m.get(0).group().commit(CommitRequest.empty()).commit();
    Envelope valid = MeetingInternals.commit(m.get(0), commit);
    m.get(0).group().discardPendingCommit();
    long epoch = m.get(1).epoch();
    for (int kind : new int[] {0, 3}) {
      Envelope odd = valid.toBuilder().setHandshake(valid.getHandshake().toBuilder()
          .setKindValue(kind)).build();
      // Kind 0 is the proto3 default: neither side writes it.
      assertThat(ProtoEnvelopes.fromProto(odd).toBytes()).isEqualTo(odd.toByteArray());
      MeetingFixtures.assertBreaks(MeetingRule.UNEXPECTED_ENVELOPE,
          () -> MeetingInternals.process(m.get(1), odd));
      assertThat(m.get(1).epoch()).isEqualTo(epoch);
    }
    assertThat(valid.getHandshake().getKindValue()).isEqualTo(2);
  }

  @Test
  @DisplayName("a media frame of kind 0 is decrypted: the kind is only a routing hint")
  void mediaFrameOfKindZero_isDecrypted() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] sframe = m.get(0).media().protect(null, new byte[] {4, 2});
    Envelope unspecified = Envelope.newBuilder()
        .setMeetingId(com.google.protobuf.ByteString.copyFrom(m.get(0).id()))
        .setMedia(MediaFrame.newBuilder().setKind(MediaFrame.Kind.KIND_UNSPECIFIED)
            .setSframe(com.google.protobuf.ByteString.copyFrom(sframe)))
        .build();
    assertThat(MeetingInternals.process(m.get(1), unspecified)).hasValueSatisfying(
        frame -> assertThat(frame.payload()).containsExactly(4, 2));
  }
}
