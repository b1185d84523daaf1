package dev.sealmeet.meeting.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.sealmeet.crypto.testing.Gens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * protobuf-java (test scope, classes generated from the same {@code meeting.proto}) as the oracle
 * of the library's codec: what it accepts, and the fields it reads, as the library's values.
 *
 * <p>protobuf-java 4.36 disagrees with proto3 in two places, and the oracle takes proto3's side
 * with protobuf-java's own code:
 *
 * <ul>
 *   <li>Its fast varint path, taken whenever ten bytes are at hand (always for {@code
 *       parseFrom(byte[])}, for a stream once its buffer holds them), accepts a 10-byte varint
 *       whose tenth byte has the continuation bit if that byte's bit 0 is set: it tests bit 0
 *       only. Its slow path refuses it as malformed (a varint has at most 10 bytes), as
 *       protobuf-java 3.21's byte-array decoder does too. The oracle parses through a stream
 *       with a one-byte buffer, which takes the slow path every time; {@link #fastPathDiffers}
 *       tells where {@code parseFrom(byte[])} decides otherwise.
 *   <li>Its generated parsers read a oneof message member that comes back after a different
 *       member into the builder they kept from the first time, so {@code handshake A, welcome W,
 *       handshake B} reads as {@code A} merged with {@code B}. proto3 reads {@code B}: setting a
 *       different member clears the oneof, and its earlier value with it. {@link #envelope} gives
 *       the latter, merged by protobuf-java itself from the last run of the final member's
 *       records, and counts how often that changed the result ({@link #CORRECTED}).
 * </ul>
 */
final class ProtobufOracle {
  /** How many envelopes the oneof correction changed. */
  static final AtomicLong CORRECTED = new AtomicLong();

  private ProtobufOracle() {}

  /** What protobuf-java parses (oneof corrected), as the library's value; empty if it refuses. */
  static Optional<Envelope> envelope(byte[] bytes) {
    return parse(bytes, dev.sealmeet.meeting.proto.Envelope.parser()).map(parsed -> {
      Envelope value = of(parsed);
      Envelope corrected = value.body() == null ? value : new Envelope(value.meetingId(),
          value.sequence(), value.submitId(), lastRun(bytes, Envelope.fieldOf(value.body())));
      if (!corrected.equals(value)) {
        CORRECTED.incrementAndGet();
      }
      return corrected;
    });
  }

  /** protobuf-java's upload as the library's value; empty if it refuses. */
  static Optional<KeyPackageUpload> upload(byte[] bytes) {
    return parse(bytes, dev.sealmeet.meeting.proto.KeyPackageUpload.parser())
        .map(ProtobufOracle::of);
  }

  /** protobuf-java's answer as the library's value; empty if it refuses. */
  static Optional<SubmitResult> result(byte[] bytes) {
    return parse(bytes, dev.sealmeet.meeting.proto.SubmitResult.parser()).map(ProtobufOracle::of);
  }

  /** A whole message, as {@code parseFrom} reads it, on the slow path; empty if refused. */
  private static <M> Optional<M> parse(byte[] bytes, Parser<M> parser) {
    try {
      CodedInputStream in = slowPath(bytes);
      M message = parser.parseFrom(in);
      in.checkLastTagWas(0);
      return Optional.of(message);
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** A stream over {@code bytes} whose one-byte buffer keeps every read on the slow path. */
  private static CodedInputStream slowPath(byte[] bytes) {
    return CodedInputStream.newInstance(new ByteArrayInputStream(bytes), 1);
  }

  /**
   * Whether {@code parseFrom(byte[])} (the fast path) accepts otherwise than the slow path; if so,
   * checks that the bytes hold what explains it: nine varint bytes with the continuation bit, then
   * a tenth with bits 7 and 0 set.
   */
  static boolean fastPathDiffers(byte[] bytes) {
    boolean byArray = true;
    try {
      dev.sealmeet.meeting.proto.Envelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      byArray = false;
    }
    if (byArray == envelope(bytes).isPresent()) {
      return false;
    }
    for (int i = 0; i + 9 < bytes.length; i++) {
      int run = 0;
      while (run < 9 && bytes[i + run] < 0) {
        run++;
      }
      if (run == 9 && (bytes[i + 9] & 0x81) == 0x81) {
        return true;
      }
    }
    throw new AssertionError("protobuf-java's decoders part on " + Gens.hex(bytes));
  }

  /** Whether protobuf-java kept unknown fields anywhere in {@code message} (or its body). */
  static boolean hasUnknownFields(Message message) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      return true;
    }
    return message.getAllFields().values().stream()
        .anyMatch(v -> v instanceof Message m && hasUnknownFields(m));
  }

  /**
   * The final body member as proto3 reads it: its records since a different member was last set,
   * merged in order by protobuf-java ({@code mergeFrom(ByteString)} parses into one builder).
   */
  private static Envelope.Body lastRun(byte[] bytes, int field) {
    List<ByteString> run = new ArrayList<>();
    try {
      CodedInputStream in = slowPath(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int number = tag >>> 3;
        if ((tag & 7) == 2 && number >= Envelope.HANDSHAKE && number <= Envelope.ENDED) {
          ByteString segment = in.readBytes();
          if (number != field) {
            run.clear();
          } else {
            run.add(segment);
          }
        } else {
          in.skipField(tag);
        }
      }
      return merge(field, run);
    } catch (IOException e) {
      throw new AssertionError("protobuf-java parsed these bytes once already", e);
    }
  }

  private static Envelope.Body merge(int field, List<ByteString> run) throws IOException {
    Message.Builder builder = switch (field) {
      case Envelope.HANDSHAKE -> dev.sealmeet.meeting.proto.Handshake.newBuilder();
      case Envelope.WELCOME -> dev.sealmeet.meeting.proto.WelcomeMessage.newBuilder();
      case Envelope.MEDIA -> dev.sealmeet.meeting.proto.MediaFrame.newBuilder();
      default -> dev.sealmeet.meeting.proto.MeetingEnded.newBuilder();
    };
    for (ByteString segment : run) {
      builder.mergeFrom(slowPath(segment.toByteArray()));
    }
    return body(builder.build());
  }

  /** A generated envelope's fields as the library's value. */
  static Envelope of(dev.sealmeet.meeting.proto.Envelope p) {
    Message member = switch (p.getBodyCase()) {
      case HANDSHAKE -> p.getHandshake();
      case WELCOME -> p.getWelcome();
      case MEDIA -> p.getMedia();
      case ENDED -> p.getEnded();
      case BODY_NOT_SET -> null;
    };
    return new Envelope(p.getMeetingId().toByteArray(), p.getSequence(),
        p.getSubmitId().toByteArray(), member == null ? null : body(member));
  }

  private static Envelope.Body body(Message member) {
    if (member instanceof dev.sealmeet.meeting.proto.Handshake h) {
      return new Handshake(h.getKindValue(), h.getEpoch(), h.getMlsMessage().toByteArray(),
          h.getGroupInfo().toByteArray());
    }
    if (member instanceof dev.sealmeet.meeting.proto.WelcomeMessage w) {
      return new WelcomeMessage(w.getEpoch(), w.getRecipientsList(),
          w.getMlsMessage().toByteArray(), w.getAdmitterSignature().toByteArray(),
          w.getCommitSequence());
    }
    if (member instanceof dev.sealmeet.meeting.proto.MediaFrame m) {
      return new MediaFrame(m.getKindValue(), m.getSframe().toByteArray());
    }
    var e = (dev.sealmeet.meeting.proto.MeetingEnded) member;
    return new MeetingEnded(e.getEpoch(), e.getMlsMessage().toByteArray());
  }

  /** A generated upload's fields as the library's value. */
  static KeyPackageUpload of(dev.sealmeet.meeting.proto.KeyPackageUpload p) {
    return new KeyPackageUpload(p.getAccount(), p.getLastResort(),
        p.getMlsMessage().toByteArray());
  }

  /** A generated answer's fields as the library's value. */
  static SubmitResult of(dev.sealmeet.meeting.proto.SubmitResult p) {
    return new SubmitResult(p.getStatusValue(), p.getSequence(), p.getEpoch(), p.getReason());
  }
}
