package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * SFrame headers (RFC 9605 §4.3) round-trip in their minimal form, truncated headers fail, and any
 * bytes decode to a canonical header or a {@link DecodeException}.
 */
class SframeHeaderProperties {

  /** Values of every encoded length 0–8, the byte-length boundaries included. */
  private static Gen<Long> unsigned64() {
    return Generate.oneOf(
        Gens.anyLong(),
        Gens.longs(0, 300),
        Gens.ints(0, 63).map(bits -> 1L << bits),
        Gens.ints(1, 64).map(bits -> bits == 64 ? -1L : (1L << bits) - 1));
  }

  @Test
  void header_roundTrip_isIdentityAndMinimal() {
    qt().withExamples(500)
        .forAll(unsigned64(), unsigned64())
        .checkAssert(Checked.of((kid, ctr) -> {
          byte[] encoded = new SframeHeader(kid, ctr).encode();
          assertThat(encoded).hasSize(SframeHeader.encodedLength(kid, ctr));
          assertThat(SframeHeader.decodeExactly(encoded)).isEqualTo(new SframeHeader(kid, ctr));
          int expectedLength = 1 + minimalBytes(kid) + minimalBytes(ctr);
          assertThat(encoded).hasSize(expectedLength);
        }));
  }

  private static int minimalBytes(long v) {
    if (Long.compareUnsigned(v, 8) < 0) {
      return 0;
    }
    int n = 1;
    while (n < 8 && Long.compareUnsigned(v, 1L << (8 * n)) >= 0) {
      n++;
    }
    return n;
  }

  @Test
  void header_truncated_isDecodeException() {
    qt().withExamples(300)
        .forAll(unsigned64(), unsigned64(), Gens.ints(0, 16))
        .checkAssert((kid, ctr, cut) -> {
          byte[] encoded = new SframeHeader(kid, ctr).encode();
          int keep = Math.min(cut, encoded.length - 1);
          byte[] truncated = Arrays.copyOf(encoded, keep);
          assertThatThrownBy(() -> SframeHeader.decode(ByteBuffer.wrap(truncated)))
              .isInstanceOf(DecodeException.class);
        });
  }

  @Test
  void header_arbitraryBytes_decodeToCanonicalOrDecodeException() {
    qt().withExamples(1000)
        .forAll(Gens.bytes(20))
        .checkAssert(input -> {
          ByteBuffer buffer = ByteBuffer.wrap(input);
          SframeHeader header;
          try {
            header = SframeHeader.decode(buffer);
          } catch (DecodeException e) {
            return;
          }
          // Anything accepted must be the canonical encoding of what it decoded to.
          byte[] consumed = Arrays.copyOf(input, buffer.position());
          assertThat(header.encode()).isEqualTo(consumed);
        });
  }
}
