package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.crypto.testing.Gens;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hostile input built from every structure of {@code messages.json}: truncated, extended and
 * bit-flipped encodings either decode and re-encode to exactly their own bytes or fail with
 * {@link DecodeException}; nothing else escapes. A length field spliced to 2^30 - 1 costs no more
 * heap than a small multiple of the input, measured per thread.
 */
class MessagesHostileInputProperties {
  private static final int CASES = 300;
  private static final int LAST_FIELD = 16;
  /**
   * What one decode may allocate: 32 bytes per input byte (the decoded records, their copied arrays
   * and lists) plus 32 KiB for fixed costs such as a rejection's exception. Measured on JDK 17, the
   * most any spliced vector took was about 7 KiB (for 429 input bytes), and the most per byte was
   * 71 (2.3 KiB for 33 bytes, mostly the exception). A decoder that trusted a spliced length of
   * 2^30 - 1 would exceed the bound by four orders of magnitude.
   */
  private static final int BYTES_PER_INPUT_BYTE = 32;
  private static final int FIXED_ALLOWANCE = 32 * 1024;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @BeforeAll
  static void allocationIsMeasurable() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  private static byte[] vector(int caseIndex, int field) {
    return MessagesVectors.cases().get(caseIndex).get(MessagesVectors.FIELDS.get(field));
  }

  private static TlsReader.ElementReader<? extends MlsStruct> decoder(int field) {
    return MessagesVectors.DECODERS.get(MessagesVectors.FIELDS.get(field));
  }

  /** Decodes exactly; on success the value must re-encode to {@code bytes}. */
  private static boolean decodesToItself(int field, byte[] bytes) {
    try {
      MlsStruct value = TlsReader.decodeExactly(bytes, decoder(field));
      assertThat(value.toBytes()).as(MessagesVectors.FIELDS.get(field)).isEqualTo(bytes);
      return true;
    } catch (DecodeException expected) {
      return false;
    }
  }

  /** The heap this thread allocates while decoding {@code bytes} exactly, accepted or not. */
  private static long allocatedByDecode(int field, byte[] bytes) {
    TlsReader.ElementReader<? extends MlsStruct> decoder = decoder(field);
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      TlsReader.decodeExactly(bytes, decoder);
    } catch (DecodeException rejected) {
      // measured either way
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void truncated_anyPrefix_isRejected() {
    qt().withExamples(300)
        .forAll(Gens.ints(0, CASES - 1), Gens.ints(0, LAST_FIELD), Gens.anyLong())
        .checkAssert((caseIndex, field, seed) -> {
          byte[] bytes = vector(caseIndex, field);
          int cut = new Random(seed).nextInt(bytes.length);
          // Decoding is deterministic and every field is bounded by the bytes before it, so a
          // strict prefix follows the same path as the whole encoding and must run out of bytes.
          assertThat(decodesToItself(field, Arrays.copyOf(bytes, cut)))
              .as("%s cut to %d of %d bytes", MessagesVectors.FIELDS.get(field), cut, bytes.length)
              .isFalse();
        });
  }

  @Test
  void extended_trailingBytes_areRejected() {
    qt().withExamples(300)
        .forAll(Gens.ints(0, CASES - 1), Gens.ints(0, LAST_FIELD), Gens.ints(1, 16),
            Gens.anyLong())
        .checkAssert((caseIndex, field, extra, seed) -> {
          byte[] bytes = vector(caseIndex, field);
          byte[] longer = Arrays.copyOf(bytes, bytes.length + extra);
          for (int i = bytes.length; i < longer.length; i++) {
            longer[i] = (byte) new Random(seed + i).nextInt(256);
          }
          assertThat(decodesToItself(field, longer)).isFalse();
        });
  }

  @Test
  void bitFlipped_decodesToItselfOrIsRejected() {
    qt().withExamples(500)
        .forAll(Gens.ints(0, CASES - 1), Gens.ints(0, LAST_FIELD), Gens.ints(1, 4),
            Gens.anyLong())
        .checkAssert((caseIndex, field, flips, seed) -> {
          byte[] bytes = vector(caseIndex, field).clone();
          Random random = new Random(seed);
          for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
          }
          decodesToItself(field, bytes);
        });
  }

  /**
   * Splices the largest 4-byte varint, a length of 2^30 - 1, anywhere into a vector's encoding: the
   * result decodes to itself or is rejected, and its decode allocates at most {@code 32 * length +
   * 32 KiB} bytes. The unchanged encoding is decoded first, so class loading and first-use costs
   * are not counted.
   */
  @Test
  void hugeLengthSpliced_neverAllocatesBeyondInput(TestReporter reporter) {
    AtomicLong largest = new AtomicLong();
    qt().withExamples(300)
        .forAll(Gens.ints(0, CASES - 1), Gens.ints(0, LAST_FIELD), Gens.anyLong())
        .checkAssert((caseIndex, field, seed) -> {
          byte[] bytes = vector(caseIndex, field).clone();
          if (bytes.length < 4) {
            return;
          }
          decodesToItself(field, bytes);
          int at = new Random(seed).nextInt(bytes.length - 3);
          bytes[at] = (byte) 0xbf;
          bytes[at + 1] = (byte) 0xff;
          bytes[at + 2] = (byte) 0xff;
          bytes[at + 3] = (byte) 0xff;
          decodesToItself(field, bytes);
          long allocated = allocatedByDecode(field, bytes);
          largest.accumulateAndGet(allocated, Math::max);
          assertThat(allocated)
              .as("%s, %d bytes, length spliced at %d", MessagesVectors.FIELDS.get(field),
                  bytes.length, at)
              .isLessThanOrEqualTo((long) BYTES_PER_INPUT_BYTE * bytes.length + FIXED_ALLOWANCE);
        });
    reporter.publishEntry("largest decode allocation", largest.get() + " bytes");
  }

  /** The measurement sees an allocation as large as a trusted spliced length would cause. */
  @Test
  void allocatedByDecode_seesALargeAllocation() {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    byte[] big = new byte[1 << 20];
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    assertThat(big).hasSize(1 << 20);
    assertThat(allocated).isGreaterThanOrEqualTo(1 << 20);
  }

  @Test
  void opaqueWithMaximalLength_failsAsTruncatedWithoutAllocating() {
    byte[] bytes = {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
    assertThatThrownBy(() -> TlsReader.decodeExactly(bytes, ExternalInitProposal::decode))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }
}
