package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile codec-aware frames ({@code protocol.md} §2.8, [SM-CODEC-2], [SM-CODEC-3]): mutated real
 * frames are refused with a typed error, never a crash, leave the receiver able to open the genuine
 * frame, and no frame makes the unprotector allocate beyond a few copies of itself.
 */
class CodecAwareFuzzTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  @DisplayName("[SM-CODEC-2] mutated real frames give a typed error (malformed, forged, unknown KID, replay), never a crash, and change nothing")
  void mutatedFrames_typedErrors_stateUnchanged(MediaCodec codec) throws SealmeetException {
    Random random = new Random(19 + codec.ordinal()); // seeded: the same mutations every run
    CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
    List<byte[]> frames = MediaFiles.frames(codec);
    int accepted = 0;
    for (byte[] frame : frames) {
      byte[] wire = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, frame);
      for (int k = 0; k < 300; k++) {
        byte[] mutated = mutate(wire, random);
        try {
          pair.unprotector.unprotect(null, mutated);
          fail("mutation %d of a %s frame was accepted", k, codec);
        } catch (SealmeetException expected) {
          // typed: malformed, forged, or (a changed header) an unknown KID or a replayed CTR
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
      assertThat(pair.unprotector.unprotect(null, wire)).isEqualTo(frame);
      accepted++;
    }
    assertThat(accepted).isEqualTo(frames.size());
  }

  /** One random change: a bit flip, a byte set, a truncation, an insertion or a deletion. */
  private static byte[] mutate(byte[] wire, Random random) {
    int at = random.nextInt(wire.length);
    switch (random.nextInt(5)) {
      case 0: {
        byte[] out = wire.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1: {
        byte[] out = wire.clone();
        byte b;
        do {
          b = (byte) random.nextInt(256);
        } while (b == out[at]);
        out[at] = b;
        return out;
      }
      case 2:
        return Arrays.copyOf(wire, at);
      case 3: {
        byte[] out = new byte[wire.length + 1];
        System.arraycopy(wire, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(wire, at, out, at + 1, wire.length - at);
        return out;
      }
      default: {
        byte[] out = new byte[wire.length - 1];
        System.arraycopy(wire, 0, out, 0, at);
        System.arraycopy(wire, at + 1, out, at, wire.length - at - 1);
        return out;
      }
    }
  }

  @Test
  @DisplayName("[SM-CODEC-2] a map claiming a frame of 2^30-1 bytes is refused before any buffer is sized by it")
  void hugeDeclaredFrameLength_refusedWithoutAllocating() {
    CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
    byte[] map = new TlsWriter().writeVarint(TlsWriter.MAX_VARINT).writeVarint(1)
        .writeVarint(0).writeVarint(TlsWriter.MAX_VARINT).toByteArray();
    byte[] frame = hostile(new byte[100], map, 0);
    long before = allocated();
    assertThatThrownBy(() -> pair.unprotector.unprotect(null, frame))
        .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds");
    assertThat(allocated() - before).as("bytes allocated").isLessThan(64 * 1024);
  }

  @Test
  @DisplayName("[SM-CODEC-2] random frames allocate at most a few copies of themselves")
  void randomFrames_allocationBoundedByFrameSize() throws SealmeetException {
    CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
    Random random = new Random(2619);
    for (int k = 0; k < 2000; k++) {
      byte[] body = new byte[random.nextInt(2000)];
      random.nextBytes(body);
      byte[] map = new byte[1 + random.nextInt(12)];
      random.nextBytes(map);
      byte[] frame = hostile(body, map, random.nextInt(2));
      long before = allocated();
      try {
        pair.unprotector.unprotect(null, frame);
        fail("random frame accepted");
      } catch (DecodeException | AuthenticationException expected) {
        // the typed refusal
      }
      assertThat(allocated() - before).as("bytes allocated for a %d-byte frame", frame.length)
          .isLessThan(8L * frame.length + 64 * 1024);
    }
  }

  /** body ‖ header(KID, CTR 0) ‖ map ‖ zero tag ‖ footer, in {@code mode} (trailer not escaped). */
  private static byte[] hostile(byte[] body, byte[] map, int mode) {
    byte[] header = new dev.sealmeet.sframe.SframeHeader(CodecAwareFrameTest.KID, 0).encode();
    int trailer = header.length + map.length + 16 + (mode == 1 ? 1 : 0);
    byte[] out = new byte[body.length + trailer + 3];
    System.arraycopy(body, 0, out, 0, body.length);
    System.arraycopy(header, 0, out, body.length, header.length);
    System.arraycopy(map, 0, out, body.length + header.length, map.length);
    Arrays.fill(out, body.length + header.length + map.length,
        body.length + trailer, (byte) 0x11); // tag; the final 0x03 of mode 1 comes last
    if (mode == 1) {
      out[body.length + trailer - 1] = 3;
    }
    out[out.length - 3] = (byte) (trailer >> 8);
    out[out.length - 2] = (byte) trailer;
    out[out.length - 1] = (byte) (CodecFrameFormat.MARKER_BASE | mode);
    return out;
  }

  private static long allocated() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
