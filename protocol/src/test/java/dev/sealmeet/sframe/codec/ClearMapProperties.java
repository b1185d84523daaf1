package dev.sealmeet.sframe.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The clear-byte map ({@code protocol.md} §2.8, [SM-CODEC-2]): one encoding per map, and arbitrary
 * bytes decode to a valid map or fail with {@link DecodeException}, never anything else.
 */
class ClearMapProperties {

  /** Random valid ranges over a random frame length. */
  private static Gen<ClearMap> maps() {
    return Gens.lists(Gens.ints(1, 300), 0, 40).zip(Gens.ints(0, 100_000), (steps, frameExtra) -> {
      List<ClearRange> ranges = new ArrayList<>();
      int at = 0;
      for (int i = 0; i + 1 < steps.size(); i += 2) {
        at += (i == 0 ? steps.get(i) - 1 : steps.get(i)); // first gap may be 0
        ranges.add(new ClearRange(at, steps.get(i + 1), ClearReason.AV1_OBU_HEADER));
        at += steps.get(i + 1);
      }
      return ClearMap.of(at + frameExtra, ranges);
    });
  }

  @Test
  @DisplayName("[SM-CODEC-2] decode(encode(map)) is the map, and the encoding is its only one")
  void encodeDecode_isIdentity() {
    qt().withExamples(1000).forAll(maps()).checkAssert(Checked.of(map -> {
      byte[] encoded = map.encode();
      assertThat(encoded).hasSize(map.encodedLength());
      ClearMap decoded = ClearMap.decode(encoded, map.frameLength());
      assertThat(decoded).isEqualTo(map);
      assertThat(decoded.encode()).isEqualTo(encoded);
    }));
  }

  @Test
  @DisplayName("[SM-CODEC-2] arbitrary bytes decode to a valid map or throw DecodeException, never anything else")
  void arbitraryBytes_validMapOrDecodeException() {
    qt().withExamples(5000).forAll(Gens.bytes(24), Gens.ints(0, 1 << 20))
        .checkAssert((bytes, max) -> {
          try {
            ClearMap map = ClearMap.decode(bytes, max);
            assertThat(map.frameLength()).isLessThanOrEqualTo(max);
            int end = 0;
            for (int i = 0; i < map.rangeCount(); i++) {
              assertThat(map.length(i)).isPositive();
              assertThat(map.start(i)).isGreaterThanOrEqualTo(i == 0 ? 0 : end + 1);
              end = map.start(i) + map.length(i);
            }
            assertThat(end).isLessThanOrEqualTo(map.frameLength());
            assertThat(map.encode()).isEqualTo(bytes); // canonical: what decodes re-encodes the same
          } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          }
        });
  }

  @Test
  @DisplayName("[SM-CODEC-2] truncated maps and trailing bytes are refused")
  void truncationAndTrailingBytes_areRefused() {
    qt().withExamples(500).forAll(maps(), Gens.ints(0, 1000)).checkAssert(Checked.of((map, cut) -> {
      byte[] encoded = map.encode();
      byte[] truncated = Arrays.copyOf(encoded, cut % encoded.length);
      assertThatThrownBy(() -> ClearMap.decode(truncated, map.frameLength()))
          .isInstanceOf(DecodeException.class);
      byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
      assertThatThrownBy(() -> ClearMap.decode(longer, map.frameLength()))
          .isInstanceOf(DecodeException.class);
    }));
  }

  @Test
  @DisplayName("[SM-CODEC-2] empty ranges, adjacent ranges, ranges past the frame, non-minimal varints and oversized frames are refused")
  void invalidMaps_areRefused() {
    assertRefused(enc(10, 1, 0, 0)); // empty range
    assertRefused(enc(10, 2, 0, 2, 0, 3)); // second range adjacent to the first (gap 0)
    assertRefused(enc(10, 1, 5, 6)); // ends at 11 > 10
    assertRefused(enc(10, 3, 0, 1, 1, 1)); // count 3, two ranges
    assertRefused(new byte[] {0x40, 0x0a, 0x00}); // frame_length 10 as a non-minimal 2-byte varint
    assertRefused(new byte[] {(byte) 0xc0, 0, 0, 0, 0, 0, 0, 0, 0}); // reserved varint prefix
    assertThatThrownBy(() -> ClearMap.decode(enc(1000, 0), 999)).isInstanceOf(DecodeException.class)
        .hasMessageContaining("exceeds");
    // a huge declared count is refused before anything is sized by it
    assertThatThrownBy(() -> ClearMap.decode(new byte[] {10, (byte) 0xbf, (byte) 0xff, (byte) 0xff,
        (byte) 0xff}, 10)).isInstanceOf(DecodeException.class).hasMessageContaining("ranges need");
  }

  @Test
  void of_mergesAdjacentRanges_andRefusesOverlaps() {
    ClearMap map = ClearMap.of(20, List.of(new ClearRange(0, 3, ClearReason.ANNEX_B_START_CODE),
        new ClearRange(3, 1, ClearReason.H264_NAL_HEADER), new ClearRange(6, 2, ClearReason.H264_NAL_HEADER)));
    assertThat(map.rangeCount()).isEqualTo(2);
    assertThat(map.start(0)).isZero();
    assertThat(map.length(0)).isEqualTo(4);
    assertThat(map.clearLength()).isEqualTo(6);
    assertThat(map.toString()).isEqualTo("ClearMap[20 bytes, 0+4, 6+2]");
    assertThatThrownBy(() -> ClearMap.of(20, List.of(new ClearRange(0, 3, ClearReason.H264_NAL_HEADER),
        new ClearRange(2, 3, ClearReason.H264_NAL_HEADER)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClearMap.of(4, List.of(new ClearRange(2, 3, ClearReason.H264_NAL_HEADER))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(byte[] encoded) {
    assertThatThrownBy(() -> ClearMap.decode(encoded, 1 << 20)).isInstanceOf(DecodeException.class);
  }

  private static byte[] enc(int... varints) {
    TlsWriter w = new TlsWriter();
    for (int v : varints) {
      w.writeVarint(v);
    }
    return w.toByteArray();
  }
}
