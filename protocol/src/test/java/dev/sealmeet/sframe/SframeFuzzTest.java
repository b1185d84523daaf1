package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Coverage-guided fuzzing of SFrame's network input (issue 9 §2): header parsing (RFC 9605 §4.3)
 * and {@link SframeReceiver#unprotect} (§4.4.4). Only {@code SealmeetException} subtypes may
 * escape, a call allocates within {@link Budget#DECODE}, and a rejected frame leaves the receiver's replay
 * state and the caller's buffers as they were.
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays {@code SframeFuzzTestInputs/<target>/}: the
 * headers and (suite byte, ciphertext) pairs of the official {@code sframe/test-vectors.json},
 * plus every input that once broke the invariant.
 */
class SframeFuzzTest {
  /** The KID, base key and metadata of the RFC 9605 Appendix C vectors. */
  private static final long VECTOR_KID = 0x123;
  private static final byte[] BASE_KEY =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] METADATA = HexFormat.of().parseHex("4945544620534672616d65205747");
  private static final SframeOptions OPTIONS = SframeOptions.defaults().withProvisionalSuites(true);
  private static final long[] KIDS = {0, 7, VECTOR_KID};
  private static SframeReceiver[] receivers;

  private static synchronized SframeReceiver receiver(int selector) {
    if (receivers == null) {
      SframeSuite[] suites = SframeSuite.values();
      receivers = new SframeReceiver[suites.length];
      for (int i = 0; i < suites.length; i++) {
        receivers[i] = new SframeReceiver(suites[i], OPTIONS);
        for (long kid : KIDS) {
          receivers[i].addKey(kid, Secret.copyOf(BASE_KEY));
        }
      }
    }
    return receivers[Math.floorMod(selector, receivers.length)];
  }

  /** The encoded header of RFC 9605 §4.3, through both decoders. */
  @FuzzTest(maxDuration = "5m")
  void header(byte[] bytes) {
    FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> {
      SframeHeader exact = SframeHeader.decodeExactly(bytes);
      assertThat(exact.encode()).isEqualTo(bytes);
    });
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> {
      SframeHeader prefix = SframeHeader.decode(buffer);
      assertThat(buffer.position()).isEqualTo(prefix.encodedLength());
    });
    if (rejected) {
      assertThat(buffer.position()).isZero();
    }
  }

  /**
   * One byte whose low bits choose the suite (index into {@link SframeSuite#values()}) and whose
   * bit 7 asks for a destination one byte too small, then the frame; keys for KIDs 0, 7 and 0x123.
   */
  @FuzzTest(maxDuration = "5m")
  void unprotect(byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    SframeReceiver receiver = receiver(bytes[0] & 0x7f);
    byte[] frame = Arrays.copyOfRange(bytes, 1, bytes.length);
    int room = receiver.maxPlaintextLength(frame.length) - ((bytes[0] & 0x80) != 0 ? 1 : 0);
    ByteBuffer in = ByteBuffer.wrap(frame);
    ByteBuffer out = ByteBuffer.allocate(Math.max(0, room));
    ByteBuffer metadata = ByteBuffer.wrap(METADATA);
    long[] before = replayState(receiver);
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.DECODE,
        () -> receiver.unprotect(metadata, in, out));
    assertThat(metadata.position()).isZero();
    if (rejected) {
      assertThat(replayState(receiver)).isEqualTo(before);
      assertThat(in.position()).isZero();
      assertThat(out.position()).isZero();
    }
  }

  private static long[] replayState(SframeReceiver receiver) {
    long[] state = new long[KIDS.length * 2];
    for (int i = 0; i < KIDS.length; i++) {
      state[2 * i] = receiver.highestCounter(KIDS[i]);
      state[2 * i + 1] = receiver.hasAccepted(KIDS[i]) ? 1 : 0;
    }
    return state;
  }
}
