package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The sender's nonce rule under threads (RFC 9605 §4.4.3): threads protecting under one KID, while
 * another removes and re-installs it with the same base key, never send two frames with one CTR,
 * and every frame they get decrypts.
 */
class SframeSenderConcurrencyTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final long KID = 0x23;
  private static final int THREADS = 8;
  private static final int FRAMES = 10_000;

  @Test
  void protect_racingThreadsAndKeyRemoval_neverRepeatACounter() throws Exception {
    byte[] base = new byte[SUITE.keyLength()];
    java.util.Arrays.fill(base, (byte) 7);
    SframeSender sender = new SframeSender(SUITE);
    sender.addKey(KID, Secret.copyOf(base));
    Map<Long, Boolean> counters = new ConcurrentHashMap<>();
    AtomicInteger repeats = new AtomicInteger();
    AtomicInteger refusedWhileRemoved = new AtomicInteger();
    List<byte[]> frames = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < THREADS; t++) {
      threads.add(new Thread(() -> {
        try {
          start.await();
          ByteBuffer dst = ByteBuffer.allocate(64);
          for (int i = 0; i < FRAMES; i++) {
            dst.clear();
            try {
              sender.protect(KID, null, ByteBuffer.wrap(new byte[] {1, 2, 3}), dst);
            } catch (IllegalArgumentException removed) {
              refusedWhileRemoved.incrementAndGet();
              continue;
            }
            dst.flip();
            byte[] frame = new byte[dst.remaining()];
            dst.get(frame);
            frames.add(frame);
            if (counters.putIfAbsent(SframeHeader.decode(ByteBuffer.wrap(frame)).ctr(), true)
                != null) {
              repeats.incrementAndGet();
            }
          }
        } catch (InterruptedException | DecodeException | RuntimeException e) {
          failures.add(e);
        }
      }));
    }
    Thread control = new Thread(() -> {
      while (!done.get()) {
        synchronized (sender) { // one control thread; the lock only keeps remove+add paired
          sender.removeKey(KID);
          sender.addKey(KID, Secret.copyOf(base));
        }
        LockSupport.parkNanos(200_000); // a key change every ~0.2 ms, far above any real rate
      }
    });
    threads.forEach(Thread::start);
    control.start();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    done.set(true);
    control.join();

    assertThat(failures).isEmpty();
    assertThat(repeats).hasValue(0);
    // How many calls meet a removed key depends on scheduling; every other call produced a frame.
    assertThat(frames).hasSize(THREADS * FRAMES - refusedWhileRemoved.get()).isNotEmpty();
    try (SframeReceiver receiver = new SframeReceiver(SUITE,
        SframeOptions.defaults().withReplayWindow(1 << 16))) {
      receiver.addKey(KID, Secret.copyOf(base));
      for (byte[] frame : frames) {
        receiver.unprotect(null, frame); // throws if a frame was sealed with half-wiped bytes
      }
    }
  }
}
