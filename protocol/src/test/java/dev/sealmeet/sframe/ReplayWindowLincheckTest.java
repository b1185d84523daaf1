package dev.sealmeet.sframe;

import dev.sealmeet.error.ReplayException;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the replay window (RFC 9605 §9.3): under every interleaving Lincheck
 * explores, concurrent {@code checkAndAccept} calls behave as some sequential order of them, so a
 * CTR is accepted exactly once and no accepted CTR is lost from the bitmap when the window slides.
 * The sequential specification is the window itself, run on one thread.
 */
@Param(name = "ctr", gen = IntGen.class, conf = "0:140")
public class ReplayWindowLincheckTest {
  private final ReplayWindow window = new ReplayWindow(64);

  /** Authenticated frame with this CTR: accepted (true) or refused as a replay or too old. */
  @Operation
  public boolean accept(@Param(name = "ctr") int ctr) {
    try {
      window.checkAndAccept(7, ctr);
      return true;
    } catch (ReplayException e) {
      return false;
    }
  }

  /** The highest CTR accepted so far, or -1. */
  @Operation
  public long highest() {
    return window.hasAccepted() ? window.highest() : -1;
  }

  @Test
  void checkAndAccept_isLinearizable() {
    new ModelCheckingOptions().iterations(20).invocationsPerIteration(200).threads(3)
        .actorsPerThread(3).check(getClass());
  }
}
