package dev.sealmeet.sframe.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of sender authentication's network input (spec §2.7): the signature
 * frame's decoder ([SM-AUTH-1]) and {@link TagVerifier#onSignatureFrame}. Only {@code
 * SealmeetException} subtypes may escape, a decode allocates within {@link Budget#DECODE}, a frame
 * that decodes encodes to the same bytes, and a rejected signature frame changes no frame's status.
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays {@code TagSignatureFuzzTestInputs/<target>/}:
 * statements written by hand in the format of §2.7.
 */
class TagSignatureFuzzTest {
  private static final int NT = 16;
  private static final long KID = 0x11; // leaf 1, epoch 1 of the test layout (kid >>> 4)
  private static final List<byte[]> FRAMES = new ArrayList<>();

  static {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(KID, Secret.copyOf(new byte[16]));
    for (int i = 0; i < 8; i++) {
      FRAMES.add(sender.protect(KID, null, new byte[] {(byte) i}));
    }
  }

  /** The plaintext of a signature frame: decoded, and re-encoded to the same bytes. */
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] bytes) {
    FuzzChecks.rejects(bytes.length, Budget.DECODE, () -> {
      TagSignatureFrame frame = TagSignatureFrame.decode(bytes, NT);
      assertThat(frame.encode()).isEqualTo(bytes);
    });
  }

  /**
   * One byte choosing the carrier's leaf (low bits) and whether the signature check passes (bit 7:
   * what a key holder's statement would do), then the payload, applied to a verifier holding eight
   * pending frames of KID 0x11.
   */
  @FuzzTest(maxDuration = "5m")
  void verifier(byte[] bytes) throws SealmeetException {
    if (bytes.length == 0) {
      return;
    }
    boolean signatureValid = (bytes[0] & 0x80) != 0;
    long carrier = ((bytes[0] & 0x03L) << 4) | 1;
    byte[] payload = Arrays.copyOfRange(bytes, 1, bytes.length);
    List<String> told = new ArrayList<>();
    TagVerifier verifier = new TagVerifier(AuthWorld.N16, NT, new byte[] {1},
        (kid, tbs, signature) -> signatureValid, kid -> kid >>> 4,
        new FrameAuthListener() {
          @Override
          public void forged(long kid, long ctr, ForgeryReason reason) {
            told.add("forged " + kid + "/" + ctr);
          }

          @Override
          public void verified(long kid, long ctr) {
            told.add("verified " + kid + "/" + ctr);
          }
        }, () -> 0L);
    for (byte[] frame : FRAMES) {
      verifier.onFrame(frame);
    }
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.STEP,
        () -> verifier.onSignatureFrame(carrier, payload));
    if (rejected || !signatureValid) {
      assertThat(told).isEmpty();
      for (long ctr = 0; ctr < FRAMES.size(); ctr++) {
        assertThat(verifier.status(KID, ctr)).isEqualTo(FrameAuthStatus.PENDING);
      }
    }
    assertThat(told).doesNotHaveDuplicates();
  }
}
