package dev.sealmeet.meeting;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck stress test of the media key holder: {@code protect} at one member and {@code unprotect}
 * at another run on several threads while installs of the next epoch run on others. Every outcome
 * must be one some sequential order of the same calls gives: each send CTR handed out once, the
 * send KID never older than an install that completed, each frame accepted once, a frame of an
 * epoch either refused before its install or decrypted after it.
 *
 * <p>Stress mode, not model checking: the operations run JCE ciphers, whose internals Lincheck's
 * model checker would have to instrument and explore. Model checking covers the replay window
 * ({@code ReplayWindowLincheckTest}); the CTR hand-out is covered here and in {@link
 * MediaPlaneStressTest}.
 */
@Param(name = "frame", gen = IntGen.class, conf = "0:5")
public class MediaPlaneLincheckTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final KidLayout LAYOUT = KidLayout.defaults();
  private static final Set<Long> ROSTER = Set.of(0L, 1L, 2L);
  /** Frames from leaf 2: three under epoch 1, three under epoch 2. */
  private static final byte[][] FRAMES = new byte[6][];

  static {
    try (SframeSender other = new SframeSender(SUITE)) {
      for (int epoch = 1; epoch <= 2; epoch++) {
        long kid = LAYOUT.kid(epoch, 2);
        other.addKey(kid, baseKey(epoch));
        for (int i = 0; i < 3; i++) {
          FRAMES[(epoch - 1) * 3 + i] = other.protect(kid, null, new byte[] {(byte) i});
        }
      }
    }
  }

  private final MediaProtector alice = protector(0);
  private final MediaProtector bob = protector(1);

  private static Secret baseKey(int epoch) {
    byte[] key = new byte[SUITE.keyLength()];
    Arrays.fill(key, (byte) epoch);
    return Secret.wrap(key);
  }

  private static MediaProtector protector(long leaf) {
    MediaProtector p = new MediaProtector(SUITE, LAYOUT, new GracePolicy(Duration.ofHours(1), 1),
        MediaTransitions.immediate(), () -> 0L, SframeOptions.defaults());
    p.install(1, baseKey(1), ROSTER, OptionalLong.of(leaf));
    return p;
  }

  /** The KID and CTR alice's frame went out under. */
  @Operation
  public String protect() throws SealmeetException {
    SframeHeader h = SframeHeader.decode(ByteBuffer.wrap(alice.protect(null, new byte[] {9})));
    return h.kid() + ":" + h.ctr();
  }

  /** Bob's verdict on one of the six frames. */
  @Operation
  public String unprotect(@Param(name = "frame") int frame) {
    try {
      return "epoch " + bob.unprotect(null, FRAMES[frame]).epoch();
    } catch (MeetingRuleException e) {
      return e.rule().name();
    } catch (ReplayException e) {
      return "replay";
    } catch (SealmeetException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** Alice moves to epoch 2 (once; later calls are refused). */
  @Operation
  public boolean installAtAlice() {
    return install(alice, 0);
  }

  /** Bob moves to epoch 2 (once; later calls are refused). */
  @Operation
  public boolean installAtBob() {
    return install(bob, 1);
  }

  private static boolean install(MediaProtector p, long leaf) {
    try {
      p.install(2, baseKey(2), ROSTER, OptionalLong.of(leaf));
      return true;
    } catch (IllegalArgumentException notNewer) {
      return false;
    }
  }

  @Test
  void protectUnprotectInstall_areLinearizable() {
    new StressOptions().iterations(20).invocationsPerIteration(200).threads(3)
        .actorsPerThread(3).check(getClass());
  }
}
