package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import org.junit.jupiter.api.Test;

/** Varints (RFC 9420 §2.1.2) round-trip in minimal form; non-minimal forms are rejected. */
class VarintProperties {

  @Test
  void varint_roundTrip_isIdentityAndMinimal() {
    qt().withExamples(1000)
        .forAll(Gens.ints(0, TlsWriter.MAX_VARINT))
        .checkAssert(Checked.of(value -> {
          byte[] encoded = new TlsWriter().writeVarint(value).toByteArray();
          assertThat(encoded).hasSize(TlsWriter.varintLength(value));
          assertThat(TlsReader.decodeExactly(encoded, TlsReader::readVarint)).isEqualTo(value);
        }));
  }

  @Test
  void varint_nonMinimalTwoByte_isRejected() {
    qt().withExamples(1000)
        .forAll(Gens.ints(0, 0x3f))
        .checkAssert(value -> {
          byte[] encoded = {(byte) 0x40, (byte) (int) value};
          assertThatThrownBy(() -> TlsReader.decodeExactly(encoded, TlsReader::readVarint))
              .isInstanceOf(DecodeException.class)
              .hasMessageContaining("non-minimal");
        });
  }
}
