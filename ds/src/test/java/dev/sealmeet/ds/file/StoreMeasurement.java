package dev.sealmeet.ds.file;

import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast the stores append (run with {@code -Dsealmeet.measure=true}); asserts nothing,
 * the numbers depend on the machine and its disk.
 */
@EnabledIfSystemProperty(named = "sealmeet.measure", matches = "true")
class StoreMeasurement {
  @TempDir
  Path dir;

  private static double appendsPerSecond(LogStore store, int threads, int each)
      throws Exception {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    store.createMeeting(id, 0, new byte[100], "host");
    byte[] envelope = new byte[400];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          byte[] submitId = new byte[16];
          new SecureRandom().nextBytes(submitId);
          store.append(AppendRequest.entry(id, submitId, new byte[32], 0, s -> envelope, null,
              false));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return threads * each / seconds;
  }

  @Test
  void appendThroughput() throws Exception {
    try (LogStore memory = new MemoryLogStore()) {
      appendsPerSecond(memory, 1, 20_000);
      System.out.printf("MemoryLogStore: %.0f appends/s (1 thread), %.0f (8 threads)%n",
          appendsPerSecond(memory, 1, 50_000), appendsPerSecond(memory, 8, 10_000));
    }
    try (LogStore file = FileLogStore.open(dir)) {
      appendsPerSecond(file, 1, 200);
      System.out.printf("FileLogStore: %.0f appends/s (1 thread), %.0f (8 threads)%n",
          appendsPerSecond(file, 1, 2_000), appendsPerSecond(file, 8, 250));
    }
    long start = System.nanoTime();
    try (LogStore reopened = FileLogStore.open(dir)) {
      reopened.head(new byte[16]);
      System.out.printf("FileLogStore: reopened %d-byte journal in %.1f ms%n",
          java.nio.file.Files.size(dir.resolve(FileLogStore.JOURNAL)),
          (System.nanoTime() - start) / 1e6);
    }
  }
}
