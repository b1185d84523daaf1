package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Codec-aware frames over generated input ({@code protocol.md} §2.8): whatever a rule accepts
 * round-trips byte for byte, and in mode 1 the wire holds exactly the input's start codes, however
 * the zero bytes fall around clear ranges, runs and the trailer ([SM-CODEC-4]).
 */
class CodecAwareProperties {

  /** Zero-heavy bytes with start codes and NAL-header-like bytes mixed in. */
  private static Gen<byte[]> annexBLike() {
    Gen<Byte> b = Generate.frequency(
        org.quicktheories.api.Pair.of(5, Generate.constant((byte) 0)),
        org.quicktheories.api.Pair.of(3, Gens.ints(1, 3).map(Integer::byteValue)),
        org.quicktheories.api.Pair.of(2, Gens.anyByte()));
    return Gens.lists(b, 0, 120).map(list -> {
      byte[] out = new byte[list.size() + 4];
      out[2] = 1; // a leading start code, then anything
      out[3] = 0x65;
      for (int i = 0; i < list.size(); i++) {
        out[4 + i] = list.get(i);
      }
      return out;
    });
  }

  @Test
  @DisplayName("[SM-CODEC-4] any Annex B input a rule accepts round-trips, with exactly its start codes on the wire")
  void annexBInput_roundTrips_keepsExactlyItsStartCodes() {
    qt().withExamples(3000).forAll(annexBLike(), Gens.booleans())
        .checkAssert(Checked.of((frame, h265) -> {
          MediaCodec codec = h265 ? MediaCodec.H265 : MediaCodec.H264;
          try {
            codec.rule().clearRanges(frame);
          } catch (DecodeException refused) {
            return; // e.g. an empty NAL unit: never protected
          }
          CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
          byte[] wire = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, frame);
          assertThat(startCodes(wire)).as("start codes on the wire").isEqualTo(startCodes(frame));
          assertThat(wire[wire.length - 1]).isNotZero();
          assertThat(pair.unprotector.unprotect(null, wire)).isEqualTo(frame);
        }));
  }

  @Test
  @DisplayName("[SM-CODEC-1] any VP8, VP9 or AV1 input a rule accepts round-trips with its clear bytes in place")
  void modeZeroInput_roundTrips() {
    qt().withExamples(3000).forAll(Gens.bytes(1, 200), Gens.ints(0, 2))
        .checkAssert(Checked.of((frame, which) -> {
          MediaCodec codec = new MediaCodec[] {MediaCodec.VP8, MediaCodec.VP9, MediaCodec.AV1}[which];
          ClearMap map;
          try {
            map = ClearMap.of(frame.length, codec.rule().clearRanges(frame));
          } catch (DecodeException refused) {
            return;
          }
          CodecAwareFrameTest.Pair pair = new CodecAwareFrameTest.Pair();
          byte[] wire = pair.protector.protect(CodecAwareFrameTest.KID, codec, null, frame);
          for (int i = 0; i < frame.length; i++) {
            if (map.isClear(i)) {
              assertThat(wire[i]).isEqualTo(frame[i]);
            }
          }
          assertThat(pair.unprotector.unprotect(null, wire)).isEqualTo(frame);
        }));
  }

  @Test
  @DisplayName("[SM-CODEC-1] every rule answers any bytes with ordered ranges inside the frame or a DecodeException")
  void anyBytes_everyRule_rangesOrDecodeException() {
    qt().withExamples(5000).forAll(Generate.oneOf(annexBLike(), Gens.bytes(0, 64)),
            Gens.enums(MediaCodec.class))
        .checkAssert((frame, codec) -> {
          try {
            int end = 0;
            for (ClearRange r : codec.rule().clearRanges(frame)) {
              assertThat(r.offset()).isGreaterThanOrEqualTo(end);
              assertThat(r.end()).isLessThanOrEqualTo(frame.length);
              end = r.end();
            }
          } catch (DecodeException refused) {
            assertThat(refused.getMessage()).isNotBlank();
          }
        });
  }

  private static int startCodes(byte[] data) {
    int n = 0;
    for (int i = 0; i + 2 < data.length; i++) {
      if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
        n++;
      }
    }
    return n;
  }
}
