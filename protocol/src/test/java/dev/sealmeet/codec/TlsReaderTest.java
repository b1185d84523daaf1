package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsReaderTest {

  @Test
  void readVarint_prefix11_isRejected() {
    assertThatThrownBy(() -> TlsReader.of(new byte[] {(byte) 0xc0, 0, 0, 0, 0, 0, 0, 0}).readVarint())
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("reserved prefix");
  }

  @Test
  void readVarint_nonMinimalFourByte_isRejected() {
    assertThatThrownBy(() -> TlsReader.of(new byte[] {(byte) 0x80, 0, 0x3f, (byte) 0xff}).readVarint())
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("non-minimal");
  }

  @Test
  void readOpaque_lengthBeyondInput_isRejectedBeforeAllocating() {
    // Claims 2^30-1 bytes while 1 byte follows.
    byte[] hostile = {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00};
    assertThatThrownBy(() -> TlsReader.of(hostile).readOpaque())
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void readPresence_valueTwo_isRejected() {
    assertThatThrownBy(() -> TlsReader.of(new byte[] {2}).readPresence())
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("presence");
  }

  @Test
  void decodeExactly_trailingByte_isRejected() {
    assertThatThrownBy(() -> TlsReader.decodeExactly(new byte[] {1, 2}, TlsReader::readUint8))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("1 bytes remain");
  }

  @Test
  void readList_elementOverrunningVector_isRejected() {
    // Vector of 3 bytes holding uint16 elements: the second element runs past the vector's end.
    byte[] data = {3, 0, 1, 0, 2};
    assertThatThrownBy(() -> TlsReader.of(data).readList(TlsReader::readUint16))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void readList_elementConsumingNothing_isRejected() {
    byte[] data = {1, 0};
    assertThatThrownBy(() -> TlsReader.of(data).readList(r -> "empty"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("consumed no bytes");
  }

  @Test
  void writeThenRead_nestedStructure_roundTrips() throws DecodeException {
    TlsWriter w = new TlsWriter();
    w.writeUint16(0x0102).writeUint32(0xfffffffeL).writeUint64(-1L).writePresence(true)
        .writeOpaque(new byte[] {9, 8, 7})
        .writeList(List.of(1, 300, 70000), (inner, v) -> inner.writeVarint(v));
    TlsReader r = TlsReader.of(w.toByteArray());
    assertThat(r.readUint16()).isEqualTo(0x0102);
    assertThat(r.readUint32()).isEqualTo(0xfffffffeL);
    assertThat(r.readUint64()).isEqualTo(-1L);
    assertThat(r.readPresence()).isTrue();
    assertThat(r.readOpaque()).containsExactly(9, 8, 7);
    assertThat(r.readList(TlsReader::readVarint)).containsExactly(1, 300, 70000);
    r.finish();
  }

  @Test
  void writeVarint_outOfRange_isMisuse() {
    assertThatThrownBy(() -> new TlsWriter().writeVarint(TlsWriter.MAX_VARINT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
