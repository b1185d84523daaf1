package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded multi-thread stress of the media plane, checked for linearizable outcomes over many
 * iterations: four encoder threads protect while a control thread installs epochs (with and without
 * removals, so with delayed and immediate switches); then four decoder threads each receive every
 * frame, in send order, while the last epoch is installed. Every (KID, CTR) must go out once, and
 * every frame must come out exactly once (directly or released from the hold buffer), the copies
 * refused.
 */
class MediaPlaneStressTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final int THREADS = 4;
  private static final int FRAMES_PER_THREAD = 300;
  private static final int EPOCHS = 8;

  private final AtomicLong clock = new AtomicLong();
  private final Random random = new Random();
  private final byte[][] baseKeys = new byte[EPOCHS + 1][];

  private MediaProtector protector() {
    MediaTransitions roomy = new MediaTransitions(Duration.ofMillis(500), 4096, 4096, 64L << 20,
        Duration.ofHours(1));
    return new MediaProtector(SUITE, KidLayout.defaults(), new GracePolicy(Duration.ofHours(1), 8),
        roomy, clock::get,
        SframeOptions.defaults().withReplayWindow(SframeOptions.MAX_REPLAY_WINDOW));
  }

  private static Set<Long> roster(int epoch) {
    return epoch % 3 == 0 ? Set.of(0L, 1L) : Set.of(0L, 1L, 2L);
  }

  private static Set<Long> departed(int epoch) {
    return epoch % 3 == 0 ? Set.of(2L) : Set.of();
  }

  private void install(MediaProtector p, int epoch, long leaf) {
    p.install(epoch, Secret.copyOf(baseKeys[epoch]), roster(epoch), OptionalLong.of(leaf),
        departed(epoch));
  }

  @RepeatedTest(12)
  @DisplayName("every CTR goes out once and every frame is accepted once, under races")
  void concurrentProtectUnprotectInstall_exactlyOnce(RepetitionInfo run) throws Exception {
    random.setSeed(22L * run.getCurrentRepetition());
    for (int e = 1; e <= EPOCHS; e++) {
      baseKeys[e] = new byte[SUITE.keyLength()];
      random.nextBytes(baseKeys[e]);
    }
    MediaProtector alice = protector();
    install(alice, 1, 0);
    List<byte[]> frames = Collections.synchronizedList(new ArrayList<>());
    Map<String, Boolean> sentCounters = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicInteger nextId = new AtomicInteger();
    runAll(() -> {
      for (int e = 2; e <= EPOCHS; e++) {
        install(alice, e, 0);
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        alice.expire();
        Thread.yield();
      }
    }, () -> {
      for (int i = 0; i < FRAMES_PER_THREAD; i++) {
        byte[] payload = new byte[1200];
        ByteBuffer.wrap(payload).putInt(nextId.getAndIncrement());
        byte[] frame = alice.protect(null, payload);
        SframeHeader h = SframeHeader.decode(ByteBuffer.wrap(frame));
        if (sentCounters.putIfAbsent(h.kid() + ":" + h.ctr(), true) != null) {
          duplicates.incrementAndGet();
        }
        frames.add(frame);
      }
    });
    assertThat(duplicates).hasValue(0);
    assertThat(sentCounters).hasSize(THREADS * FRAMES_PER_THREAD);

    MediaProtector bob = protector();
    for (int e = 1; e < EPOCHS; e++) {
      install(bob, e, 1);
    }
    // In send order, and with the largest replay window: a thread descheduled between protect and
    // add could otherwise reorder frames by more than the window, refused as too old (the window's
    // job, not a race).
    List<byte[]> inOrder = new ArrayList<>(frames);
    Map<Integer, Integer> accepted = new ConcurrentHashMap<>();
    runAll(() -> install(bob, EPOCHS, 1), () -> {
      for (byte[] frame : inOrder) {
        try {
          bob.receive(null, frame).ifPresent(f -> accepted.merge(id(f), 1, Integer::sum));
        } catch (SealmeetException refused) {
          // The other copy of this frame was accepted first (checked by the counts below).
        }
      }
    });
    bob.drainReleased().forEach(f -> accepted.merge(id(f), 1, Integer::sum));

    Set<Integer> counts = new HashSet<>(accepted.values());
    assertThat(accepted).hasSize(THREADS * FRAMES_PER_THREAD);
    assertThat(counts).containsExactly(1);
    MediaStats stats = bob.stats();
    assertThat(stats.decrypted()).isEqualTo(THREADS * FRAMES_PER_THREAD);
    assertThat(stats.rejectedReplay() + stats.droppedHeldInvalid())
        .isEqualTo((long) (THREADS - 1) * THREADS * FRAMES_PER_THREAD);
  }

  private static int id(ReceivedFrame f) {
    return ByteBuffer.wrap(f.payload()).getInt();
  }

  /** Runs {@code control} on one thread and {@code media} on {@link #THREADS} threads at once. */
  private static void runAll(Step control, Step media) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t <= THREADS; t++) {
      Step step = t == 0 ? control : media;
      threads.add(new Thread(() -> {
        try {
          start.await();
          step.run();
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }

  private interface Step {
    void run() throws Exception;
  }
}
