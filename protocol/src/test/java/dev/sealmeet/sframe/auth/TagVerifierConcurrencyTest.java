package dev.sealmeet.sframe.auth;

import static dev.sealmeet.sframe.auth.AuthWorld.ctrOf;
import static dev.sealmeet.sframe.auth.AuthWorld.kid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Media threads recording frames while another thread applies the statements that cover them, in
 * any interleaving: every frame ends VERIFIED, none is reported forged, none twice.
 */
class TagVerifierConcurrencyTest {
  @Test
  void framesAndStatements_onSeveralThreads_allVerified() throws Exception {
    AuthWorld w = new AuthWorld(2, AuthWorld.N16);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    List<byte[]> frames = new ArrayList<>();
    List<byte[]> statements = new ArrayList<>();
    for (int i = 0; i < 240; i++) { // within the 256 frames kept per KID
      frames.add(alice.media(i % 4, new byte[20]));
      statements.addAll(alice.signer.takeDue());
    }
    w.advance(w.params.maxDelay().toNanos());
    statements.addAll(alice.signer.takeDue());
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int lane = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = lane; i < frames.size(); i += 4) {
          w.verifier.onFrame(frames.get(i));
        }
        return null;
      }));
    }
    done.add(pool.submit(() -> {
      start.await();
      for (byte[] statement : statements) {
        w.verifier.onSignatureFrame(kid(0, 1), statement);
      }
      return null;
    }));
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(w.forged).isEmpty();
    assertThat(w.verified).hasSize(frames.size());
    for (byte[] frame : frames) {
      assertThat(w.verifier.status(kid(0, 1), ctrOf(frame))).isEqualTo(FrameAuthStatus.VERIFIED);
    }
  }

}
