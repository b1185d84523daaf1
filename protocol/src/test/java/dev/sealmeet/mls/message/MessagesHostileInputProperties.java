package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile input built from every structure of {@code messages.json}: truncated, extended and
 * bit-flipped encodings either decode and re-encode to exactly their own bytes or fail with
 * {@link DecodeException}; nothing else escapes (no index error, no huge allocation).
 */
class MessagesHostileInputProperties {
  private static final int CASES = 300;
  private static final int LAST_FIELD = 16;

  private static byte[] vector(int caseIndex, int field) {
    return MessagesVectors.cases().get(caseIndex).get(MessagesVectors.FIELDS.get(field));
  }

  /** Decodes exactly; on success the value must re-encode to {@code bytes}. */
  private static boolean decodesToItself(int field, byte[] bytes) {
    TlsReader.ElementReader<? extends MlsStruct> decoder =
        MessagesVectors.DECODERS.get(MessagesVectors.FIELDS.get(field));
    try {
      MlsStruct value = TlsReader.decodeExactly(bytes, decoder);
      assertThat(value.toBytes()).as(MessagesVectors.FIELDS.get(field)).isEqualTo(bytes);
      return true;
    } catch (DecodeException expected) {
      return false;
    }
  }

  @Property(tries = 300)
  void truncated_anyPrefix_isRejected(
      @ForAll @IntRange(min = 0, max = CASES - 1) int caseIndex,
      @ForAll @IntRange(min = 0, max = LAST_FIELD) int field,
      @ForAll long seed) {
    byte[] bytes = vector(caseIndex, field);
    int cut = new Random(seed).nextInt(bytes.length);
    // Decoding is deterministic and every field is bounded by the bytes before it, so a strict
    // prefix follows the same path as the whole encoding and must run out of bytes.
    assertThat(decodesToItself(field, Arrays.copyOf(bytes, cut)))
        .as("%s cut to %d of %d bytes", MessagesVectors.FIELDS.get(field), cut, bytes.length)
        .isFalse();
  }

  @Property(tries = 300)
  void extended_trailingBytes_areRejected(
      @ForAll @IntRange(min = 0, max = CASES - 1) int caseIndex,
      @ForAll @IntRange(min = 0, max = LAST_FIELD) int field,
      @ForAll @IntRange(min = 1, max = 16) int extra,
      @ForAll long seed) {
    byte[] bytes = vector(caseIndex, field);
    byte[] longer = Arrays.copyOf(bytes, bytes.length + extra);
    for (int i = bytes.length; i < longer.length; i++) {
      longer[i] = (byte) new Random(seed + i).nextInt(256);
    }
    assertThat(decodesToItself(field, longer)).isFalse();
  }

  @Property(tries = 500)
  void bitFlipped_decodesToItselfOrIsRejected(
      @ForAll @IntRange(min = 0, max = CASES - 1) int caseIndex,
      @ForAll @IntRange(min = 0, max = LAST_FIELD) int field,
      @ForAll @IntRange(min = 1, max = 4) int flips,
      @ForAll long seed) {
    byte[] bytes = vector(caseIndex, field).clone();
    Random random = new Random(seed);
    for (int i = 0; i < flips; i++) {
      int bit = random.nextInt(bytes.length * 8);
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    decodesToItself(field, bytes);
  }

  @Property(tries = 300)
  void hugeLengthSpliced_neverAllocatesBeyondInput(
      @ForAll @IntRange(min = 0, max = CASES - 1) int caseIndex,
      @ForAll @IntRange(min = 0, max = LAST_FIELD) int field,
      @ForAll long seed) {
    byte[] bytes = vector(caseIndex, field).clone();
    if (bytes.length < 4) {
      return;
    }
    int at = new Random(seed).nextInt(bytes.length - 3);
    // 0xbfffffff: the largest 4-byte varint, a length of 2^30 - 1.
    bytes[at] = (byte) 0xbf;
    bytes[at + 1] = (byte) 0xff;
    bytes[at + 2] = (byte) 0xff;
    bytes[at + 3] = (byte) 0xff;
    decodesToItself(field, bytes);
  }

  @Example
  void opaqueWithMaximalLength_failsAsTruncatedWithoutAllocating() {
    byte[] bytes = {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
    assertThatThrownBy(() -> TlsReader.decodeExactly(bytes, ExternalInitProposal::decode))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }
}
