package dev.sealmeet.meeting.wire;

import com.google.protobuf.ByteString;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.meeting.proto.KeyPackageUpload;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.meeting.proto.MeetingEnded;
import dev.sealmeet.meeting.proto.SubmitResult;
import dev.sealmeet.meeting.proto.WelcomeMessage;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of control messages built with protobuf-java's generated builders
 * (test scope): every field at its default or not, numbers at the varint size boundaries and
 * beyond (negative enums, unsigned 64-bit values), unknown enum values, byte strings up to a few
 * KiB (two- and three-byte lengths), and strings of one- to four-byte UTF-8 characters, empty, or
 * with an unpaired surrogate (which protobuf-java, like {@code String.getBytes}, writes as
 * {@code '?'}). Printed as their encoding in hex.
 */
final class ControlGens {
  private static final String[] CHARACTERS = {"a", "Z", "0", "-", "é", "ß", "€", "中", "😀", "\u0000",
      "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff"};
  private static final long[] EDGES = {1, 127, 128, 16383, 16384, 0x7fffffffL, 0x80000000L,
      0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1};

  private ControlGens() {}

  /** Envelopes with any body member or none. */
  static Gen<Envelope> envelopes() {
    Gen<Envelope> gen = source -> envelope(new Draw(source));
    return gen.describedAs(e -> Gens.hex(e.toByteArray()));
  }

  /** KeyPackage uploads. */
  static Gen<KeyPackageUpload> uploads() {
    Gen<KeyPackageUpload> gen = source -> {
      Draw d = new Draw(source);
      return KeyPackageUpload.newBuilder().setAccount(d.string()).setLastResort(d.chance(50))
          .setMlsMessage(d.bytes()).build();
    };
    return gen.describedAs(u -> Gens.hex(u.toByteArray()));
  }

  /** Submit results, with any status value. */
  static Gen<SubmitResult> results() {
    Gen<SubmitResult> gen = source -> {
      Draw d = new Draw(source);
      return SubmitResult.newBuilder().setStatusValue(d.enumValue()).setSequence(d.number())
          .setEpoch(d.number()).setReason(d.string()).build();
    };
    return gen.describedAs(r -> Gens.hex(r.toByteArray()));
  }

  private static Envelope envelope(Draw d) {
    Envelope.Builder b = Envelope.newBuilder().setMeetingId(d.bytes()).setSequence(d.number())
        .setSubmitId(d.bytes());
    switch (d.between(0, 4)) {
      case 0 -> b.setHandshake(Handshake.newBuilder().setKindValue(d.enumValue())
          .setEpoch(d.number()).setMlsMessage(d.bytes()).setGroupInfo(d.bytes()));
      case 1 -> {
        WelcomeMessage.Builder w = WelcomeMessage.newBuilder().setEpoch(d.number())
            .setMlsMessage(d.bytes()).setAdmitterSignature(d.bytes())
            .setCommitSequence(d.number());
        for (int i = d.between(0, 4); i > 0; i--) {
          w.addRecipients(d.string());
        }
        b.setWelcome(w);
      }
      case 2 -> b.setMedia(MediaFrame.newBuilder().setKindValue(d.enumValue())
          .setSframe(d.bytes()));
      case 3 -> b.setEnded(MeetingEnded.newBuilder().setEpoch(d.number())
          .setMlsMessage(d.bytes()));
      default -> { } // no body
    }
    return b.build();
  }

  /** Draws from QuickTheories' source (so that failures shrink); bulk bytes from a drawn seed. */
  static final class Draw {
    private final RandomnessSource source;

    Draw(RandomnessSource source) {
      this.source = source;
    }

    int between(int min, int max) {
      return Gens.ints(min, max).generate(source);
    }

    boolean chance(int percent) {
      return between(0, 99) < percent;
    }

    /** 0 often, small, a varint size boundary, or any 64-bit value. */
    long number() {
      return switch (between(0, 3)) {
        case 0 -> 0;
        case 1 -> between(0, 300);
        case 2 -> EDGES[between(0, EDGES.length - 1)];
        default -> Gens.anyLong().generate(source);
      };
    }

    /** A known enum value (0, 1, 2, 3), or any int. */
    int enumValue() {
      return chance(70) ? between(0, 3) : (int) number();
    }

    /** Empty often, a few bytes, or up to 3 KiB. */
    ByteString bytes() {
      return ByteString.copyFrom(raw(switch (between(0, 3)) {
        case 0 -> 0;
        case 1, 2 -> between(1, 40);
        default -> between(100, 3000);
      }));
    }

    /** {@code length} random bytes. */
    byte[] raw(int length) {
      byte[] bytes = new byte[length];
      new Random(Gens.anyLong().generate(source)).nextBytes(bytes);
      return bytes;
    }

    /** Empty, or characters of one to four UTF-8 bytes, sometimes an unpaired surrogate. */
    String string() {
      StringBuilder s = new StringBuilder();
      for (int i = between(0, 6); i > 0; i--) {
        s.append(CHARACTERS[between(0, CHARACTERS.length - 1)]);
      }
      if (chance(5)) {
        s.insert(between(0, s.length()), chance(50) ? '\ud800' : '\udfff');
      }
      return s.toString();
    }
  }
}
