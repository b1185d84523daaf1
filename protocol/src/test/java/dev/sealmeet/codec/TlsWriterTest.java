package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TlsWriter#writeVector} writes in place: its bytes at each varint length boundary. */
class TlsWriterTest {

  /** The §2.1.2 prefix of {@code length}, written out by hand. */
  private static byte[] prefix(int length) {
    if (length < 0x40) {
      return new byte[] {(byte) length};
    }
    if (length < 0x4000) {
      return new byte[] {(byte) (0x40 | length >>> 8), (byte) length};
    }
    return new byte[] {(byte) (0x80 | length >>> 24), (byte) (length >>> 16),
        (byte) (length >>> 8), (byte) length};
  }

  private static byte[] body(int length, int seed) {
    byte[] body = new byte[length];
    for (int i = 0; i < length; i++) {
      body[i] = (byte) (i * 31 + seed);
    }
    return body;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 62, 63, 64, 65, 16382, 16383, 16384, 70000})
  void nestedVectors_matchTheHandWrittenEncoding(int length) {
    byte[] inner = body(length, 7);
    TlsWriter writer = new TlsWriter();
    writer.writeUint8(0xaa);
    writer.writeVector(outer -> {
      outer.writeUint16(0x0102);
      outer.writeVector(w -> w.writeBytes(inner));
      outer.writeUint8(0xbb);
    });

    ByteArrayOutputStream innerVector = new ByteArrayOutputStream();
    innerVector.writeBytes(prefix(length));
    innerVector.writeBytes(inner);
    ByteArrayOutputStream outerBody = new ByteArrayOutputStream();
    outerBody.write(1);
    outerBody.write(2);
    outerBody.writeBytes(innerVector.toByteArray());
    outerBody.write(0xbb);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0xaa);
    expected.writeBytes(prefix(outerBody.size()));
    expected.writeBytes(outerBody.toByteArray());

    assertThat(writer.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(writer.size()).isEqualTo(expected.size());
  }

  @Test
  void aBodyThatThrows_leavesTheWriterAsItWas() {
    TlsWriter writer = new TlsWriter();
    writer.writeUint16(0x0304);
    byte[] before = writer.toByteArray();

    assertThatThrownBy(() -> writer.writeVector(w -> {
      w.writeBytes(body(200, 1));
      w.writeUint8(256);
    })).isInstanceOf(IllegalArgumentException.class);

    assertThat(writer.toByteArray()).isEqualTo(before);
    writer.writeVector(w -> w.writeBytes(new byte[] {9}));
    assertThat(writer.toByteArray()).isEqualTo(new byte[] {3, 4, 1, 9});
  }

  @Test
  void writesAfterALongVector_landAfterIt() {
    TlsWriter writer = new TlsWriter(16);
    writer.writeList(Arrays.asList(body(100, 2), body(20000, 3)), TlsWriter::writeOpaque);
    writer.writeUint8(0x5a);
    byte[] out = writer.toByteArray();
    assertThat(out[out.length - 1]).isEqualTo((byte) 0x5a);
    assertThat(out.length).isEqualTo(4 + 2 + 100 + 4 + 20000 + 1);
  }
}
