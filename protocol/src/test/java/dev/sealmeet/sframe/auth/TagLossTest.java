package dev.sealmeet.sframe.auth;

import static dev.sealmeet.sframe.auth.AuthWorld.ctrOf;
import static dev.sealmeet.sframe.auth.AuthWorld.key;
import static dev.sealmeet.sframe.auth.AuthWorld.kidOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Honest media under loss and reordering (spec §2.7, [SM-AUTH-5]): one sender, audio at 50 frames/s
 * and video at 30 frames/s for 20 simulated seconds; every frame, media or signature, is lost with
 * probability {@code p} and delayed 10 to 70 ms (so reordered), seeded. No honest frame is ever
 * reported forged: one whose statement lost every copy is UNVERIFIED, since a later statement's
 * number shows the gap; its share is measured and bounded by about {@code p^R} of statements.
 */
class TagLossTest {
  private static final long MS = 1_000_000L;

  private record Packet(long arrival, long seq, byte[] frame, boolean signature) {}

  @ParameterizedTest(name = "loss {0}, copies {1}")
  @CsvSource({"0.05, 2", "0.10, 2", "0.20, 2", "0.20, 3"})
  void honestFrames_underLossAndReorder_SM_AUTH_5_areVerifiedOrUnverifiedNeverForged(double loss,
      int copies) throws SealmeetException {
    SenderAuthParams params = new SenderAuthParams(16, Duration.ofMillis(250), copies,
        Duration.ofMillis(1000), 256);
    AuthWorld w = new AuthWorld(2, params);
    w.installEpoch(1);
    AuthWorld.Member alice = w.new Member(0, 1);
    Random random = new Random(21 + (long) (loss * 100) + copies);
    PriorityQueue<Packet> inFlight = new PriorityQueue<>((a, b) -> a.arrival != b.arrival
        ? Long.compare(a.arrival, b.arrival) : Long.compare(a.seq, b.seq));
    Set<String> received = new HashSet<>();
    long start = w.clock.get();
    long seq = 0;
    int signatureFrames = 0;
    for (long t = 0; t <= 22_000; t += 10) { // 20 s of media, then 2 s to settle
      List<byte[]> sent = new ArrayList<>();
      if (t < 20_000 && t % 20 == 0) {
        sent.add(alice.media(1, new byte[80]));
      }
      if (t < 20_000 && t % 33 < 10) {
        sent.add(alice.media(2, new byte[1200]));
      }
      List<byte[]> signatures = alice.signatureFrames();
      signatureFrames += signatures.size();
      for (byte[] frame : sent) {
        if (random.nextDouble() >= loss) {
          inFlight.add(new Packet(w.clock.get() + (10 + random.nextInt(61)) * MS, seq++, frame,
              false));
        }
      }
      for (byte[] frame : signatures) {
        if (random.nextDouble() >= loss) {
          inFlight.add(new Packet(w.clock.get() + (10 + random.nextInt(61)) * MS, seq++, frame,
              true));
        }
      }
      while (!inFlight.isEmpty() && inFlight.peek().arrival <= w.clock.get()) {
        Packet p = inFlight.poll();
        if (p.signature) {
          w.receiveSignature(p.frame);
        } else {
          w.receiveMedia(p.frame);
          received.add(key(kidOf(p.frame), ctrOf(p.frame)));
        }
      }
      w.verifier.expire();
      w.advance(10 * MS);
    }
    assertThat(w.clock.get() - start).isGreaterThan(22_000 * MS);
    long verified = received.stream().filter(w.verified::contains).count();
    long unverified = received.stream().filter(w.unverified::contains).count();
    long forged = received.stream().filter(w.forged::containsKey).count();
    System.out.printf("loss %.2f copies %d: %d honest frames received, %.2f%% verified, %.2f%% "
        + "unverified (statement lost), %d forged, %d signature frames sent%n", loss, copies,
        received.size(), 100.0 * verified / received.size(), 100.0 * unverified / received.size(),
        forged, signatureFrames);
    assertThat(forged).isZero();
    assertThat(verified + unverified).isEqualTo(received.size()); // nothing left pending
    assertThat((double) unverified / received.size())
        .isLessThanOrEqualTo(3 * Math.pow(loss, copies));
    assertThat(received.size()).isGreaterThan((int) (1600 * (1 - loss) * 0.9));
  }
}
