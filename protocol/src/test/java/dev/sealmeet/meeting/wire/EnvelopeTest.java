package dev.sealmeet.meeting.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each proto3 decoding rule of {@link Envelope} on a hand-made encoding, with its verdict, and
 * protobuf-java's ({@link ProtobufOracle}) beside it; the two places where protobuf-java 4.36
 * departs from proto3, pinned; and what the codec allocates and prints.
 */
class EnvelopeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** A named encoding and whether proto3 accepts it. */
  private record Case(String name, String hex, boolean accepted) {}

  private static final List<Case> CASES = List.of(
      new Case("empty input: every field at its default", "", true),
      new Case("fields in reverse order", "52020802" + "1003" + "0a0101", true),
      new Case("a scalar twice: the last wins", "1001" + "1002", true),
      new Case("varint of 10 bytes, bits above the 64th ignored", "10" + "81" + "80".repeat(8)
          + "7f", true),
      new Case("varint of 11 bytes", "10" + "81" + "80".repeat(9) + "00", false),
      new Case("varint cut short", "1080", false),
      new Case("length 2^32 + 1 read as 1 (its low 32 bits)", "0a" + "8180808010" + "07", true),
      new Case("negative length", "0a" + "ffffffff0f", false),
      new Case("length beyond the input", "0a0507", false),
      new Case("tag above 32 bits read as its low 32 bits", "8a80808010" + "0107", true),
      new Case("field number 0", "0001", false),
      new Case("wire type 6", "0e01", false),
      new Case("wire type 7", "0f01", false),
      new Case("known field under another wire type: unknown", "1201ff" + "0d01020304", true),
      new Case("unknown fields of wire types 0, 1, 2, 5", "2001" + "290102030405060708"
          + "3201ff" + "3d01020304", true),
      new Case("unknown fixed64 cut short", "29010203", false),
      new Case("unknown group with fields inside", "2b" + "0801" + "1201ff" + "2c", true),
      new Case("group closed by another field", "2b34", false),
      new Case("group not closed", "2b0801", false),
      new Case("end-group tag outside a group", "2c", false),
      new Case("end-group tag inside a body member", "52012c", false),
      new Case("field number 0 inside a group", "2b00012c", false),
      new Case("100 nested groups", "2b".repeat(100) + "2c".repeat(100), true),
      new Case("101 nested groups", "2b".repeat(101) + "2c".repeat(101), false),
      new Case("99 nested groups inside a body member", "52c601" + "2b".repeat(99)
          + "2c".repeat(99), true),
      new Case("100 nested groups inside a body member", "52c801" + "2b".repeat(100)
          + "2c".repeat(100), false),
      new Case("empty body member: set", "5200", true),
      new Case("body member cut short", "520508", false),
      new Case("a malformed member replaced by another: still malformed", "52010f" + "5a00",
          false),
      new Case("same member twice: merged", "52021005" + "52020801", true),
      new Case("explicit 0 in a repeated member overrides (concatenation)", "52021005"
          + "52021000", true),
      new Case("different member later: replaces", "52021005" + "5a020801", true),
      new Case("recipients: empty strings kept", "5a04" + "1200" + "1200", true),
      new Case("recipient of 2-, 3- and 4-byte UTF-8", "5a0b" + "1209c3a9e282acf09f9880", true),
      new Case("recipient with an invalid byte", "5a03" + "1201ff", false),
      new Case("recipient with an encoded surrogate", "5a05" + "1203eda080", false),
      new Case("recipient with an overlong NUL", "5a04" + "1202c080", false),
      new Case("recipient above U+10FFFF", "5a06" + "1204f4908080", false),
      new Case("recipient with a cut 3-byte sequence", "5a04" + "1202e282", false),
      new Case("recipient U+10FFFF and U+FFFF", "5a09" + "1207f48fbfbfefbfbf", true),
      new Case("invalid UTF-8 in an unknown field: not checked", "5a03" + "3201ff", true),
      new Case("enum value unknown to the schema: kept", "52020807", true),
      new Case("negative enum value: kept", "520b08" + "ffffffffffffffffff01", true));

  @TestFactory
  Stream<DynamicTest> decode_handMadeEncoding_givesProto3Verdict_asProtobufJava() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      byte[] bytes = HEX.parseHex(c.hex());
      Optional<Envelope> ours = decoded(bytes);
      assertThat(ours.isPresent()).as("accepted").isEqualTo(c.accepted());
      assertThat(ours).as("as protobuf-java").isEqualTo(ProtobufOracle.envelope(bytes));
    }));
  }

  @Test
  void decode_repeatedAndReplacedMembers_giveTheMergedOrLastValue() throws DecodeException {
    assertThat(Envelope.decode(HEX.parseHex("52021005" + "52020801")).body())
        .isEqualTo(new Handshake(1, 5, new byte[0], new byte[0]));
    assertThat(Envelope.decode(HEX.parseHex("52021005" + "52021000")).body())
        .isEqualTo(new Handshake(0, 0, new byte[0], new byte[0]));
    assertThat(Envelope.decode(HEX.parseHex("5a03120161" + "5a03120162")).body())
        .isEqualTo(new WelcomeMessage(0, List.of("a", "b"), new byte[0], new byte[0], 0));
    assertThat(Envelope.decode(HEX.parseHex("52021005" + "5a020801")).body())
        .isEqualTo(new WelcomeMessage(1, List.of(), new byte[0], new byte[0], 0));
  }

  /** protobuf-java 4.36 merges a member that comes back after another into its old builder. */
  @Test
  void decode_memberBackAfterAnother_startsAfresh_whereProtobufJava4Merges() throws Exception {
    byte[] bytes = HEX.parseHex("52021005" + "5a00" + "52020801"); // handshake, welcome, handshake
    assertThat(Envelope.decode(bytes).body())
        .isEqualTo(new Handshake(1, 0, new byte[0], new byte[0]));
    var protobuf = dev.sealmeet.meeting.proto.Envelope.parseFrom(bytes);
    assertThat(protobuf.getHandshake().getEpoch()).as("protobuf-java 4.36 keeps epoch 5")
        .isEqualTo(5);
    assertThat(ProtobufOracle.envelope(bytes)).contains(Envelope.decode(bytes));
  }

  /** protobuf-java 4.36's fast varint path looks at bit 0 only of a tenth byte. */
  @Test
  void decode_tenthVarintByteWithContinuationBit_isRefused_whereProtobufFastPathAccepts()
      throws Exception {
    byte[] bytes = HEX.parseHex("10" + "ff".repeat(9) + "81");
    assertThatThrownBy(() -> Envelope.decode(bytes)).isInstanceOf(DecodeException.class)
        .hasMessageContaining("varint longer than 10 bytes");
    assertThat(dev.sealmeet.meeting.proto.Envelope.parseFrom(bytes).getSequence())
        .as("protobuf-java 4.36, parseFrom(byte[])").isEqualTo(-1);
    assertThat(ProtobufOracle.envelope(bytes)).as("its slow path").isEmpty();
    assertThat(ProtobufOracle.fastPathDiffers(bytes)).isTrue();
  }

  @Test
  void decode_emptyMembersBackToBack_staysWithinTheDecodeBudget() {
    for (String record : List.of("5200", "52005a00", "5a021200", "520308ff01")) {
      byte[] bytes = HEX.parseHex(record.repeat(64 * 1024 / (record.length() / 2)));
      for (int run = 0; run < 2; run++) { // the first run may load classes, and is not measured
        assertThat(FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> Envelope.decode(bytes)))
            .as(record).isFalse();
      }
    }
  }

  @Test
  void decode_lengthOfAGigabyte_allocatesNothingForIt() {
    byte[] bytes = HEX.parseHex("52" + "8080808004" + "1201");
    for (int run = 0; run < 2; run++) {
      assertThat(FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> Envelope.decode(bytes)))
          .isTrue();
    }
  }

  @Test
  void encode_emptyMemberAndEmptyRecipients_areWritten() {
    assertThat(Gens.hex(new Envelope(new byte[0], 0, new byte[0],
        new MediaFrame(0, new byte[0])).toBytes())).isEqualTo("6200");
    assertThat(Gens.hex(new WelcomeMessage(0, List.of("", ""), new byte[0], new byte[0], 0)
        .toBytes())).isEqualTo("12001200");
    assertThat(Gens.hex(new Handshake(-1, 0, new byte[0], new byte[0]).toBytes()))
        .isEqualTo("08" + "ff".repeat(9) + "01");
  }

  @Test
  void values_copyTheirBytes_andPrintNone() {
    byte[] secretish = {0x5e, 0x5e, 0x5e};
    Envelope envelope = new Envelope(secretish, 7, secretish, new Handshake(2, 3, secretish,
        secretish));
    secretish[0] = 0;
    assertThat(envelope.meetingId()).containsExactly(0x5e, 0x5e, 0x5e);
    envelope.meetingId()[1] = 0;
    assertThat(envelope.meetingId()).containsExactly(0x5e, 0x5e, 0x5e);
    List<Object> values = List.of(envelope, new WelcomeMessage(1, List.of("alice"), secretish,
        secretish, 2), new MediaFrame(1, secretish), new MeetingEnded(1, secretish),
        new KeyPackageUpload("alice", true, secretish));
    for (Object value : values) {
      assertThat(value.toString()).doesNotContain("5e", "94", "alice", Arrays.toString(secretish));
    }
  }

  private static Optional<Envelope> decoded(byte[] bytes) {
    try {
      return Optional.of(Envelope.decode(bytes));
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }
}
