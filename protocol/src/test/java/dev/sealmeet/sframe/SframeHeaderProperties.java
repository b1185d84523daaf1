package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SframeHeaderProperties {

  /** Values of every encoded length 0–8, the byte-length boundaries included. */
  @Provide
  Arbitrary<Long> unsigned64() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, 300),
        Arbitraries.integers().between(0, 63).map(bits -> 1L << bits),
        Arbitraries.integers().between(1, 64).map(bits -> bits == 64 ? -1L : (1L << bits) - 1));
  }

  @Property(tries = 500)
  void header_roundTrip_isIdentityAndMinimal(@ForAll("unsigned64") long kid,
      @ForAll("unsigned64") long ctr) throws DecodeException {
    byte[] encoded = new SframeHeader(kid, ctr).encode();
    assertThat(encoded).hasSize(SframeHeader.encodedLength(kid, ctr));
    assertThat(SframeHeader.decodeExactly(encoded)).isEqualTo(new SframeHeader(kid, ctr));
    int expectedLength = 1 + minimalBytes(kid) + minimalBytes(ctr);
    assertThat(encoded).hasSize(expectedLength);
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

  @Property(tries = 300)
  void header_truncated_isDecodeException(@ForAll("unsigned64") long kid,
      @ForAll("unsigned64") long ctr, @ForAll @IntRange(min = 0, max = 16) int cut) {
    byte[] encoded = new SframeHeader(kid, ctr).encode();
    int keep = Math.min(cut, encoded.length - 1);
    byte[] truncated = Arrays.copyOf(encoded, keep);
    assertThatThrownBy(() -> SframeHeader.decode(ByteBuffer.wrap(truncated)))
        .isInstanceOf(DecodeException.class);
  }

  @Property(tries = 1000)
  void header_arbitraryBytes_decodeToCanonicalOrDecodeException(
      @ForAll @Size(max = 20) byte[] input) {
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
  }
}
