package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import org.junit.jupiter.api.Test;

/**
 * {@code sealmeet demo} with media faster than signalling: every proof holds, frames of new epochs
 * did arrive before their commits (held, then released), and none was lost across a key change.
 */
class MeetingDemoTest {
  @Test
  void demo_mediaFasterThanSignalling_proofsHold_noFrameLostAcrossKeyChanges()
      throws SealmeetException {
    MeetingDemo demo = new MeetingDemo(5, 3);
    demo.run();

    assertThat(demo.proofs).hasSize(8).allSatisfy(p -> assertThat(p.passed())
        .as(p.name() + " (" + p.detail() + ")").isTrue());
    assertThat(demo.held).isPositive();
    assertThat(demo.released).isEqualTo(demo.held);
    assertThat(demo.crossings).isNotEmpty()
        .allSatisfy(c -> assertThat(c.lost()).as("epoch " + c.frameEpoch()).isZero());
    assertThat(demo.crossings.stream().mapToLong(MeetingDemo.Crossing::crossed).sum())
        .isPositive();
  }
}
