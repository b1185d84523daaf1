package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The codec on generated shapes: nested vectors of opaque, optionals and varints round-trip, and any
 * input, truncated or mutated, gives a value or a {@link DecodeException}, never another exception.
 */
class TlsCodecProperties {

  /** A shape exercising every reader feature: {@code opaque x<V> xs<V><V>; optional<varint>; uint32}. */
  private record Shape(List<List<byte[]>> nested, Optional<Integer> varint, long tail) {
    void encode(TlsWriter w) {
      w.writeList(nested, (outer, inner) -> outer.writeList(inner, TlsWriter::writeOpaque));
      w.writePresence(varint.isPresent());
      varint.ifPresent(w::writeVarint);
      w.writeUint32(tail);
    }

    byte[] toBytes() {
      TlsWriter w = new TlsWriter(1);
      encode(w);
      return w.toByteArray();
    }

    static Shape decode(TlsReader r) throws DecodeException {
      List<List<byte[]>> nested = r.readList(inner -> inner.readList(TlsReader::readOpaque));
      Optional<Integer> varint = r.readPresence() ? Optional.of(r.readVarint()) : Optional.empty();
      return new Shape(nested, varint, r.readUint32());
    }
  }

  private static Shape shape(List<List<byte[]>> nested, int varint, boolean present, long tail) {
    return new Shape(nested, present ? Optional.of(varint) : Optional.empty(), tail & 0xffffffffL);
  }

  @Property(tries = 300)
  void nestedShape_roundTrip_isIdentity(
      @ForAll @Size(max = 4) List<@Size(max = 4) List<@Size(max = 70) byte[]>> nested,
      @ForAll @IntRange(min = 0, max = TlsWriter.MAX_VARINT) int varint,
      @ForAll boolean present,
      @ForAll long tail) throws DecodeException {
    byte[] bytes = shape(nested, varint, present, tail).toBytes();
    Shape back = TlsReader.decodeExactly(bytes, Shape::decode);
    assertThat(back.toBytes()).isEqualTo(bytes);
  }

  @Property(tries = 300)
  void nestedShape_truncated_isRejected(
      @ForAll @Size(max = 4) List<@Size(max = 4) List<@Size(max = 70) byte[]>> nested,
      @ForAll boolean present,
      @ForAll @IntRange(min = 0, max = 1000) int cutSeed) {
    byte[] bytes = shape(nested, 77, present, 5).toBytes();
    byte[] prefix = java.util.Arrays.copyOf(bytes, cutSeed % bytes.length);
    assertThatThrownBy(() -> TlsReader.decodeExactly(prefix, Shape::decode))
        .isInstanceOf(DecodeException.class);
  }

  @Property(tries = 500)
  void anyBytes_decodeToThemselvesOrAreRejected(@ForAll @Size(max = 80) byte[] bytes) {
    try {
      Shape s = TlsReader.decodeExactly(bytes, Shape::decode);
      assertThat(s.toBytes()).isEqualTo(bytes);
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Property(tries = 300)
  void bitFlipped_decodesToItselfOrIsRejected(
      @ForAll @Size(min = 1, max = 4) List<@Size(max = 4) List<@Size(max = 70) byte[]>> nested,
      @ForAll @IntRange(min = 0, max = 100_000) int bitSeed) {
    byte[] bytes = shape(nested, 300, true, 9).toBytes();
    int bit = bitSeed % (bytes.length * 8);
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    try {
      assertThat(TlsReader.decodeExactly(bytes, Shape::decode).toBytes()).isEqualTo(bytes);
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Property(tries = 100)
  void presence_valuesAboveOne_areRejected(@ForAll @IntRange(min = 2, max = 255) int flag) {
    assertThatThrownBy(() -> TlsReader.decodeExactly(new byte[] {(byte) flag}, TlsReader::readPresence))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("presence");
  }

  @Property(tries = 100)
  void hugeVectorLength_isRejectedBeforeAllocating(
      @ForAll @IntRange(min = 0x4000, max = TlsWriter.MAX_VARINT) int length,
      @ForAll @Size(max = 32) byte[] body) {
    byte[] bytes = new TlsWriter().writeVarint(length).writeBytes(body).toByteArray();
    assertThatThrownBy(() -> TlsReader.decodeExactly(bytes, TlsReader::readOpaque))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }
}
