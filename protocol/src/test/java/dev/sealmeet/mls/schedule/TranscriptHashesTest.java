package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.mls.crypto.MlsSuite;
import org.junit.jupiter.api.Test;

class TranscriptHashesTest {
  private final MlsSuite suite = Suites.suite1();

  @Test
  void initial_bothHashesEmpty() {
    assertThat(TranscriptHashes.initial().confirmed()).isEmpty();
    assertThat(TranscriptHashes.initial().interim()).isEmpty();
  }

  @Test
  void next_matchesTheTwoSteps() {
    byte[] input = {1, 2, 3};
    byte[] tag = new byte[32];
    TranscriptHashes next = TranscriptHashes.initial().next(suite, input, tag);
    byte[] confirmed = TranscriptHashes.confirmedHash(suite, new byte[0], input);
    assertThat(next.confirmed()).isEqualTo(confirmed).hasSize(32);
    assertThat(next.interim()).isEqualTo(TranscriptHashes.interimHash(suite, confirmed, tag));
    assertThat(next).isEqualTo(TranscriptHashes.initial().next(suite, input, tag));
  }

  @Test
  void interimHash_coversTagLengthPrefix() {
    // InterimTranscriptHashInput is confirmation_tag<V>: the varint length is hashed too.
    byte[] confirmed = new byte[32];
    byte[] tag = {7};
    byte[] expected = suite.primitives().hash(concat(confirmed, new byte[] {1, 7}));
    assertThat(TranscriptHashes.interimHash(suite, confirmed, tag)).isEqualTo(expected);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
