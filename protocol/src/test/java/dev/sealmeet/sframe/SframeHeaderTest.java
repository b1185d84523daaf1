package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SframeHeaderTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void encode_smallValues_fitInConfigByte() {
    assertThat(new SframeHeader(7, 5).encode()).containsExactly(0x75);
    assertThat(new SframeHeader(0, 0).encode()).containsExactly(0x00);
  }

  @Test
  void encode_valueEight_takesOneExtendedByte() {
    assertThat(new SframeHeader(8, 8).encode()).containsExactly(0x88, 0x08, 0x08);
  }

  @Test
  void encode_maxUnsigned_takesEightBytes() {
    byte[] encoded = new SframeHeader(-1L, -1L).encode();
    assertThat(encoded).hasSize(SframeHeader.MAX_LENGTH);
    assertThat(encoded[0]).isEqualTo((byte) 0xff);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7})
  void decode_kidZeroToSevenInExtendedForm_isRejected(int kid) {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x80, kid)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("KID")
        .hasMessageContaining("extended form");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 7})
  void decode_ctrZeroToSevenInExtendedForm_isRejected(int ctr) {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x08, ctr)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("CTR")
        .hasMessageContaining("extended form");
  }

  @Test
  void decode_kidWithLeadingZeroByte_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x90, 0x00, 0xff)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("leading zero");
  }

  @Test
  void decode_ctrWithLeadingZeroByte_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x0f, 0, 0, 0, 0, 0, 0, 0, 9)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("leading zero");
  }

  @Test
  void decode_leadingZeroWithSmallValue_isRejected() {
    // 0x0008 in two bytes: both a leading zero and non-minimal.
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x09, 0x00, 0x08)))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void decode_emptyInput_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(new byte[0]))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("config byte");
  }

  @Test
  void decode_truncatedKid_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0xa0, 0x01, 0x02)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("KID needs 3 bytes, found 2");
  }

  @Test
  void decode_truncatedCtr_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x8f, 0x10, 0x01)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("CTR needs 8 bytes, found 1");
  }

  @Test
  void decodeExactly_trailingBytes_isRejected() {
    assertThatThrownBy(() -> SframeHeader.decodeExactly(bytes(0x12, 0x00)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("1 bytes after");
  }

  @Test
  void decode_fromBuffer_advancesPastHeaderOnly() throws DecodeException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes(0x99, 0x01, 0x23, 0x45, 0x67, 0xaa, 0xbb));
    SframeHeader header = SframeHeader.decode(buffer);
    assertThat(header).isEqualTo(new SframeHeader(0x123, 0x4567));
    assertThat(buffer.position()).isEqualTo(5);
  }

  @Test
  void encodedLength_boundaries_matchMinimalForm() {
    assertThat(SframeHeader.encodedLength(7, 7)).isEqualTo(1);
    assertThat(SframeHeader.encodedLength(255, 7)).isEqualTo(2);
    assertThat(SframeHeader.encodedLength(256, 8)).isEqualTo(4);
    assertThat(SframeHeader.encodedLength(Long.MIN_VALUE, 0)).isEqualTo(9);
  }

  @Test
  void toString_showsUnsignedHex() {
    assertThat(new SframeHeader(-1L, 0x10).toString()).contains("kid=0xffffffffffffffff", "ctr=0x10");
  }
}
