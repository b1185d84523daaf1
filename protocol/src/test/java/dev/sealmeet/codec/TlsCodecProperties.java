package dev.sealmeet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The codec on generated shapes: nested vectors of opaque, optionals and varints round-trip, and
 * any input, truncated or mutated, gives a value or a {@link DecodeException}, never another
 * exception.
 */
class TlsCodecProperties {

  /** A shape using every reader feature: nested vectors of opaque, an optional varint, a uint32. */
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

  /** {@code minLists} to 4 lists of up to 4 opaque values of up to 70 bytes each. */
  private static Gen<List<List<byte[]>>> nested(int minLists) {
    return Gens.lists(Gens.lists(Gens.bytes(70), 0, 4), minLists, 4);
  }

  private static Shape shape(List<List<byte[]>> nested, int varint, boolean present, long tail) {
    return new Shape(nested, present ? Optional.of(varint) : Optional.empty(), tail & 0xffffffffL);
  }

  @Test
  void nestedShape_roundTrip_isIdentity() {
    qt().withExamples(300)
        .forAll(nested(0), Gens.ints(0, TlsWriter.MAX_VARINT), Gens.booleans(), Gens.anyLong())
        .checkAssert(Checked.of((nested, varint, present, tail) -> {
          byte[] bytes = shape(nested, varint, present, tail).toBytes();
          Shape back = TlsReader.decodeExactly(bytes, Shape::decode);
          assertThat(back.toBytes()).isEqualTo(bytes);
        }));
  }

  @Test
  void nestedShape_truncated_isRejected() {
    qt().withExamples(300)
        .forAll(nested(0), Gens.booleans(), Gens.ints(0, 1000))
        .checkAssert((nested, present, cutSeed) -> {
          byte[] bytes = shape(nested, 77, present, 5).toBytes();
          byte[] prefix = Arrays.copyOf(bytes, cutSeed % bytes.length);
          assertThatThrownBy(() -> TlsReader.decodeExactly(prefix, Shape::decode))
              .isInstanceOf(DecodeException.class);
        });
  }

  @Test
  void anyBytes_decodeToThemselvesOrAreRejected() {
    qt().withExamples(500)
        .forAll(Gens.bytes(80))
        .checkAssert(bytes -> {
          try {
            Shape s = TlsReader.decodeExactly(bytes, Shape::decode);
            assertThat(s.toBytes()).isEqualTo(bytes);
          } catch (DecodeException expected) {
            // rejected: fine
          }
        });
  }

  @Test
  void bitFlipped_decodesToItselfOrIsRejected() {
    qt().withExamples(300)
        .forAll(nested(1), Gens.ints(0, 100_000))
        .checkAssert((nested, bitSeed) -> {
          byte[] bytes = shape(nested, 300, true, 9).toBytes();
          int bit = bitSeed % (bytes.length * 8);
          bytes[bit / 8] ^= (byte) (1 << (bit % 8));
          try {
            assertThat(TlsReader.decodeExactly(bytes, Shape::decode).toBytes()).isEqualTo(bytes);
          } catch (DecodeException expected) {
            // rejected: fine
          }
        });
  }

  @Test
  void presence_valuesAboveOne_areRejected() {
    qt().withExamples(100)
        .forAll(Gens.ints(2, 255))
        .checkAssert(flag -> assertThatThrownBy(() ->
                TlsReader.decodeExactly(new byte[] {(byte) (int) flag}, TlsReader::readPresence))
            .isInstanceOf(DecodeException.class)
            .hasMessageContaining("presence"));
  }

  @Test
  void hugeVectorLength_isRejectedBeforeAllocating() {
    qt().withExamples(100)
        .forAll(Gens.ints(0x4000, TlsWriter.MAX_VARINT), Gens.bytes(32))
        .checkAssert((length, body) -> {
          byte[] bytes = new TlsWriter().writeVarint(length).writeBytes(body).toByteArray();
          assertThatThrownBy(() -> TlsReader.decodeExactly(bytes, TlsReader::readOpaque))
              .isInstanceOf(DecodeException.class)
              .hasMessageContaining("truncated");
        });
  }
}
