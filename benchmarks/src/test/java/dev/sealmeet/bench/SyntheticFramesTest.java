package dev.sealmeet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.sframe.codec.ClearRange;
import dev.sealmeet.sframe.codec.CodecAwareProtector;
import dev.sealmeet.sframe.codec.CodecAwareUnprotector;
import dev.sealmeet.sframe.codec.MediaCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark's synthetic frames are what {@link SyntheticFrames} says: each codec's rule parses
 * them and keeps clear exactly the structure put there, at both benchmarked sizes, and they round-trip.
 */
class SyntheticFramesTest {
  /** Clear bytes per codec, from the table in {@link SyntheticFrames}. */
  private static final Map<MediaCodec, Integer> CLEAR = Map.of(MediaCodec.OPUS, 0,
      MediaCodec.VP8, 10, MediaCodec.VP9, 1 + 1 + 8, MediaCodec.H264, 5, MediaCodec.H265, 6,
      MediaCodec.AV1, 5);

  @ParameterizedTest
  @EnumSource(MediaCodec.class)
  void everyCodec_parsesWithItsStructureClear_andRoundTrips(MediaCodec codec)
      throws SealmeetException {
    for (int size : new int[] {1200, 16384, SyntheticFrames.MAX_SIZE}) {
      byte[] frame = SyntheticFrames.of(codec, size);
      assertThat(frame).hasSize(size);
      List<ClearRange> ranges = codec.rule().clearRanges(frame);
      assertThat(ranges.stream().mapToInt(ClearRange::length).sum()).as("%s %d", codec, size)
          .isEqualTo(CLEAR.get(codec));
      try (SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
          SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128)) {
        sender.addKey(1, Secret.copyOf(new byte[16]));
        receiver.addKey(1, Secret.copyOf(new byte[16]));
        byte[] wire = new CodecAwareProtector(sender).protect(1, codec, null, frame);
        assertThat(new CodecAwareUnprotector(receiver).unprotect(null, wire)).isEqualTo(frame);
      }
    }
  }

  @Test
  void vp9_isASuperframeOfTwoFrames() throws SealmeetException {
    List<ClearRange> ranges = MediaCodec.VP9.rule().clearRanges(SyntheticFrames.of(MediaCodec.VP9, 1200));
    assertThat(ranges).extracting(ClearRange::offset).containsExactly(0, (1200 - 8) * 3 / 4, 1200 - 8);
  }

  @Test
  void sizesOutsideTheRange_areRefused() {
    assertThatThrownBy(() -> SyntheticFrames.of(MediaCodec.AV1, SyntheticFrames.MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticFrames.of(MediaCodec.OPUS, 63))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
