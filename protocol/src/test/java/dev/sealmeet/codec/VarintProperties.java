package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class VarintProperties {

  @Property
  void varint_roundTrip_isIdentityAndMinimal(@ForAll @IntRange(min = 0, max = TlsWriter.MAX_VARINT) int value)
      throws DecodeException {
    byte[] encoded = new TlsWriter().writeVarint(value).toByteArray();
    assertThat(encoded).hasSize(TlsWriter.varintLength(value));
    assertThat(TlsReader.decodeExactly(encoded, TlsReader::readVarint)).isEqualTo(value);
  }

  @Property
  void varint_nonMinimalTwoByte_isRejected(@ForAll @IntRange(min = 0, max = 0x3f) int value) {
    byte[] encoded = {(byte) 0x40, (byte) value};
    assertThatThrownBy(() -> TlsReader.decodeExactly(encoded, TlsReader::readVarint))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("non-minimal");
  }
}
