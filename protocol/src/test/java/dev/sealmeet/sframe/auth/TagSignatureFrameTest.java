package dev.sealmeet.sframe.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The signature frame's wire format (spec §2.7, [SM-AUTH-1]). */
class TagSignatureFrameTest {
  private static final int NT = 16;

  private static TagSignatureFrame sample() {
    byte[] tags = new byte[3 * NT];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = (byte) i;
    }
    return new TagSignatureFrame(0x21, 3, new long[] {7, 9}, new int[] {2, 1},
        new long[] {5, 6, 300}, tags, NT, new byte[64]);
  }

  /** A frame written by hand: header fields, the first tag, then (delta, tag) entries. */
  private static byte[] handWritten(int version, int count, int[] deltas, int signatureLength) {
    TlsWriter w = new TlsWriter();
    w.writeUint8(version).writeUint64(0x21).writeUint32(3).writeUint8(1).writeUint32(7)
        .writeUint64(5).writeUint16(count);
    w.writeBytes(new byte[NT]);
    for (int d : deltas) {
      w.writeVarint(d).writeBytes(new byte[NT]);
    }
    w.writeOpaque(new byte[signatureLength]);
    return w.toByteArray();
  }

  @Test
  void encodeDecode_roundTrips() throws DecodeException {
    TagSignatureFrame f = sample();
    TagSignatureFrame back = TagSignatureFrame.decode(f.encode(), NT);
    assertThat(back).isEqualTo(f);
    assertThat(back.ctrs()).containsExactly(5, 6, 300);
    assertThat(back.streams()).containsExactly(7, 9);
    assertThat(back.counts()).containsExactly(2, 1);
    assertThat(back.seq()).isEqualTo(3);
    assertThat(handWritten(1, 2, new int[] {1}, 64)).hasSize(1 + 8 + 4 + 1 + 4 + 8 + 2 + NT + 1 + NT + 2
        + 64);
  }

  @Test
  void toBeSigned_bindsTheContext() {
    TagSignatureFrame f = sample();
    assertThat(f.toBeSigned(new byte[] {1})).isNotEqualTo(f.toBeSigned(new byte[] {2}));
  }

  @Test
  @DisplayName("[SM-AUTH-1] a wrong version, a count of 0 or above 256, a CTR delta of 0, an "
      + "empty signature or trailing bytes are refused as malformed")
  void decode_malformed_SM_AUTH_1_isRejected() throws DecodeException {
    assertThat(TagSignatureFrame.decode(handWritten(1, 2, new int[] {1}, 64), NT).count())
        .isEqualTo(2);
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(2, 2, new int[] {1}, 64), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(1, 0, new int[0], 64), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("count");
    int[] many = new int[256];
    Arrays.fill(many, 1);
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(1, 257, many, 64), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(1, 2, new int[] {0}, 64), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("increase");
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(1, 2, new int[] {1}, 0), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("signature");
    assertThat(TagSignatureFrame.decode(handWritten(1, 2, new int[] {1}, 4627), NT).signature())
        .hasSize(4627); // ML-DSA-87
    assertThatThrownBy(() -> TagSignatureFrame.decode(handWritten(1, 2, new int[] {1}, 8193), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("signature");
    byte[] valid = handWritten(1, 2, new int[] {1}, 64);
    byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
    assertThatThrownBy(() -> TagSignatureFrame.decode(trailing, NT))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  @DisplayName("[SM-AUTH-1] a CTR sum past 2^64 is refused")
  void decode_ctrOverflow_SM_AUTH_1_isRejected() {
    TlsWriter w = new TlsWriter();
    w.writeUint8(1).writeUint64(0x21).writeUint32(0).writeUint8(1).writeUint32(7)
        .writeUint64(-2L).writeUint16(2);
    w.writeBytes(new byte[NT]).writeVarint(5).writeBytes(new byte[NT]).writeOpaque(new byte[64]);
    assertThatThrownBy(() -> TagSignatureFrame.decode(w.toByteArray(), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("64 bits");
  }

  @Test
  @DisplayName("[SM-AUTH-1] every truncation of a valid frame is refused as malformed")
  void decode_everyTruncation_SM_AUTH_1_isRejected() {
    byte[] encoded = sample().encode();
    for (int length = 0; length < encoded.length; length++) {
      byte[] cut = Arrays.copyOf(encoded, length);
      assertThatThrownBy(() -> TagSignatureFrame.decode(cut, NT))
          .as("truncated to %d bytes", length).isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void constructor_unorderedCtrs_isMisuse() {
    assertThatThrownBy(() -> new TagSignatureFrame(1, 0, new long[] {1}, new int[] {2},
        new long[] {6, 5}, new byte[2 * NT], NT, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A frame of {@code sections} sections of {@code entries} entries each, written by hand. */
  private static byte[] sections(int sections, int entries) {
    TlsWriter w = new TlsWriter();
    w.writeUint8(1).writeUint64(0x21).writeUint32(0).writeUint8(sections);
    for (int s = 0; s < sections; s++) {
      w.writeUint32(s).writeUint64(1000L * s).writeUint16(entries).writeBytes(new byte[NT]);
      for (int i = 1; i < entries; i++) {
        w.writeVarint(1).writeBytes(new byte[NT]);
      }
    }
    w.writeOpaque(new byte[64]);
    return w.toByteArray();
  }

  @Test
  @DisplayName("[SM-AUTH-1] no section, more than 64 sections or more than 1,024 entries in all "
      + "are refused as malformed")
  void decode_sectionBounds_SM_AUTH_1_areEnforced() throws DecodeException {
    assertThat(TagSignatureFrame.decode(sections(64, 1), NT).streams()).hasSize(64);
    assertThat(TagSignatureFrame.decode(sections(4, 256), NT).count()).isEqualTo(1024);
    assertThatThrownBy(() -> TagSignatureFrame.decode(sections(0, 1), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("sections");
    assertThatThrownBy(() -> TagSignatureFrame.decode(sections(65, 1), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("sections");
    assertThatThrownBy(() -> TagSignatureFrame.decode(sections(5, 256), NT))
        .isInstanceOf(DecodeException.class).hasMessageContaining("1024 in all");
  }

  @Test
  void toString_namesCountsOnly() {
    assertThat(sample().toString()).contains("seq 3", "2 sections", "3 entries")
        .doesNotContain("[B@");
  }
}
