package dev.sealmeet.store;

import static dev.sealmeet.store.StoreTesting.MEETING;
import static dev.sealmeet.store.StoreTesting.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads writing through one store, as media threads and the control thread do. */
class ConcurrentWritesTest {
  private static final int THREADS = 6;
  private static final int WRITES = 40;
  private static final int RACING_WRITES = 300;
  @TempDir Path tmp;

  @Test
  void threadsWritingDifferentRecords_eachEndsWithItsLastWrite() throws Exception {
    MeetingStore store = EmbeddedStore.open(tmp.resolve("state"));
    List<StateKey> keys = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      keys.add(new StateKey(MEETING, "member-" + (t / 2),
          t % 2 == 0 ? StateKey.MEETING : StateKey.MEDIA_MARKS));
    }
    List<byte[]> last = new ArrayList<>(keys.size());
    keys.forEach(k -> last.add(null));

    run(t -> {
      for (int version = 1; version <= WRITES; version++) {
        byte[] bytes = random(100 + 50 * version);
        store.write(new StateRecord(keys.get(t), version, bytes));
        last.set(t, bytes);
      }
      return null;
    });

    for (int t = 0; t < THREADS; t++) {
      assertThat(store.read(keys.get(t)))
          .contains(new StateRecord(keys.get(t), WRITES, last.get(t)));
      assertThat(store.newestVersion(keys.get(t))).isEqualTo(WRITES);
    }
  }

  @Test
  void threadsRacingOnOneRecord_neverPutAnOlderVersionOverANewerOne() throws Exception {
    DirectoryStore store = DirectoryStore.open(tmp.resolve("state"), tmp.resolve("marks"));
    StateKey key = new StateKey(MEETING, "alice", StateKey.MEDIA_MARKS);
    AtomicLong versions = new AtomicLong();
    AtomicLong newestWritten = new AtomicLong();
    AtomicLong refused = new AtomicLong();

    run(t -> {
      for (int i = 0; i < RACING_WRITES; i++) {
        long acknowledged = newestWritten.get();
        assertThat(store.newestVersion(key)).as("newest after %d was written", acknowledged)
            .isGreaterThanOrEqualTo(acknowledged);
        long version = versions.incrementAndGet();
        try {
          store.write(new StateRecord(key, version, random(16)));
          newestWritten.accumulateAndGet(version, Math::max);
        } catch (StorageException notNewer) {
          assertThat(notNewer).hasMessageContaining("not newer");
          refused.incrementAndGet();
        }
      }
      return null;
    });

    assertThat(store.read(key).orElseThrow().version()).isEqualTo(newestWritten.get());
    assertThat(store.newestVersion(key)).isEqualTo(newestWritten.get());
    assertThat(refused.get()).isLessThan(THREADS * RACING_WRITES);
  }

  /** A thread's work, given its index. */
  @FunctionalInterface
  private interface Work {
    Void run(int thread) throws Exception;
  }

  private static void run(Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Void> task = () -> {
          start.await();
          return work.run(thread);
        };
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
