package dev.sealmeet.meeting.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The library's proto3 codec against protobuf-java as the oracle ({@link ProtobufOracle}, classes
 * generated from the same {@code meeting.proto} in test scope): messages built by protobuf-java
 * encode to the same bytes and decode to the same fields, and on byte strings near an encoding
 * ({@link HostileBytes}) or random ones the library accepts exactly when protobuf-java does, with
 * the same fields, and throws nothing but {@link DecodeException}. Each run prints its counts
 * (target/surefire-reports, or the console with -Pverbose).
 */
class ControlWireDifferentialProperties {

  @Test
  void encode_protobufBuiltEnvelope_isByteIdentical_andDecodesToTheSameFields() {
    qt().withExamples(4000)
        .forAll(ControlGens.envelopes())
        .checkAssert(Checked.of(p -> {
          byte[] bytes = p.toByteArray();
          Envelope ours = ProtobufOracle.of(p);
          assertThat(Gens.hex(ours.toBytes())).isEqualTo(Gens.hex(bytes));
          assertThat(ours.encodedLength()).isEqualTo(bytes.length);
          assertThat(Envelope.decode(bytes)).isEqualTo(
              ProtobufOracle.of(dev.sealmeet.meeting.proto.Envelope.parseFrom(bytes)));
        }));
  }

  @Test
  void encode_protobufBuiltUploadAndResult_isByteIdentical_andDecodesToTheSameFields() {
    qt().withExamples(2000)
        .forAll(ControlGens.uploads(), ControlGens.results())
        .checkAssert(Checked.of((upload, result) -> {
          byte[] bytes = upload.toByteArray();
          assertThat(Gens.hex(ProtobufOracle.of(upload).toBytes())).isEqualTo(Gens.hex(bytes));
          assertThat(KeyPackageUpload.decode(bytes)).isEqualTo(ProtobufOracle.of(
              dev.sealmeet.meeting.proto.KeyPackageUpload.parseFrom(bytes)));
          bytes = result.toByteArray();
          assertThat(Gens.hex(ProtobufOracle.of(result).toBytes())).isEqualTo(Gens.hex(bytes));
          assertThat(SubmitResult.decode(bytes)).isEqualTo(ProtobufOracle.of(
              dev.sealmeet.meeting.proto.SubmitResult.parseFrom(bytes)));
        }));
  }

  @Test
  void decode_bytesNearAnEnvelope_acceptsExactlyWhenProtobufDoes() {
    Verdicts verdicts = new Verdicts();
    qt().withExamples(20000)
        .forAll(HostileBytes.near(HostileBytes.Type.ENVELOPE))
        .checkAssert(verdicts::compareEnvelope);
    verdicts.print("envelopes near an encoding");
    verdicts.requireBoth();
    assertThat(verdicts.withUnknown.get()).isGreaterThan(verdicts.total() / 20);
    assertThat(verdicts.fastPathQuirk.get()).isPositive();
  }

  @Test
  void decode_randomBytes_acceptsExactlyWhenProtobufDoes() {
    Verdicts verdicts = new Verdicts();
    qt().withExamples(5000)
        .forAll(Gens.bytes(0, 64))
        .checkAssert(verdicts::compareEnvelope);
    verdicts.print("random envelope bytes");
  }

  @Test
  void decode_bytesNearAnUploadOrResult_acceptsExactlyWhenProtobufDoes() {
    Verdicts verdicts = new Verdicts();
    qt().withExamples(5000)
        .forAll(HostileBytes.near(HostileBytes.Type.UPLOAD),
            HostileBytes.near(HostileBytes.Type.RESULT))
        .checkAssert((upload, result) -> {
          verdicts.compare(upload, b -> decoded(() -> KeyPackageUpload.decode(b)),
              ProtobufOracle::upload);
          verdicts.compare(result, b -> decoded(() -> SubmitResult.decode(b)),
              ProtobufOracle::result);
        });
    verdicts.print("uploads and results near an encoding");
    verdicts.requireBoth();
  }

  /** Counts what both sides decided. */
  private static final class Verdicts {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong withUnknown = new AtomicLong();
    final AtomicLong fastPathQuirk = new AtomicLong();

    void compareEnvelope(byte[] bytes) {
      compare(bytes, b -> decoded(() -> Envelope.decode(b)), ProtobufOracle::envelope);
      if (ProtobufOracle.fastPathDiffers(bytes)) {
        fastPathQuirk.incrementAndGet();
      }
    }

    <T> void compare(byte[] bytes, Function<byte[], Optional<T>> ours,
        Function<byte[], Optional<T>> protobuf) {
      Optional<T> expected = protobuf.apply(bytes);
      assertThat(ours.apply(bytes)).as("library vs protobuf-java on %s", Gens.hex(bytes))
          .isEqualTo(expected);
      (expected.isPresent() ? accepted : refused).incrementAndGet();
      if (expected.isPresent() && expected.get() instanceof Envelope && unknownFields(bytes)) {
        withUnknown.incrementAndGet();
      }
    }

    long total() {
      return accepted.get() + refused.get();
    }

    /** Not vacuous: each verdict at least a tenth of the cases. */
    void requireBoth() {
      assertThat(accepted.get()).isGreaterThan(total() / 10);
      assertThat(refused.get()).isGreaterThan(total() / 10);
    }

    void print(String what) {
      System.out.println(what + ": " + accepted + " accepted by both, " + refused
          + " refused by both, " + withUnknown + " accepted with unknown fields, "
          + fastPathQuirk + " where protobuf-java's parseFrom(byte[]) alone accepts a"
          + " 10-byte varint; oneof corrections so far " + ProtobufOracle.CORRECTED);
    }

    private static boolean unknownFields(byte[] envelope) {
      try {
        return ProtobufOracle.hasUnknownFields(
            dev.sealmeet.meeting.proto.Envelope.parseFrom(envelope));
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("accepted a moment ago", e);
      }
    }
  }

  /** A decode that may throw only {@link DecodeException} (anything else fails the property). */
  private interface Decode<T> {
    T run() throws DecodeException;
  }

  private static <T> Optional<T> decoded(Decode<T> decode) {
    try {
      return Optional.of(decode.run());
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }
}
