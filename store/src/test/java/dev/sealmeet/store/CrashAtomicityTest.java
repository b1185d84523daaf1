package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process ({@link CrashWriter}) writes records through an {@link EmbeddedStore} and is
 * killed with SIGKILL ({@code destroyForcibly}) at random times, 20 times (more with {@code
 * -Dsealmeet.crashKills=N}); after each kill the store opens and every record is whole: the last
 * acknowledged version or the one in flight, with exactly the bytes written. Every fifth round
 * starts in a new directory and kills the child at any time from its start, while it may be
 * making its keys.
 */
class CrashAtomicityTest {
  private static final int KILLS = Integer.getInteger("sealmeet.crashKills", 20);
  @TempDir Path tmp;

  @Test
  void killedWriter_leavesTheOldOrTheNewRecord_neverATornOne() throws Exception {
    long seed = Long.getLong("sealmeet.seed", System.nanoTime());
    System.out.println("CrashAtomicityTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path stateDir = tmp.resolve("state-0");
    int acked = 0;
    int inFlight = 0;
    for (int round = 0; round < KILLS; round++) {
      boolean fresh = round % 5 == 4;
      if (fresh) {
        stateDir = tmp.resolve("state-" + round);
      }
      Map<String, Long> before = newest(stateDir);
      Child child = Child.start(stateDir);
      if (fresh) {
        Thread.sleep(random.nextInt(1500));
      } else {
        child.awaitReady();
        Thread.sleep(random.nextInt(400));
      }
      Map<String, Long> acks = child.kill();

      for (StateKey key : CrashWriter.KEYS) {
        Optional<StateRecord> record = EmbeddedStore.open(stateDir).read(key);
        long lastAck = acks.getOrDefault(key.name(), before.getOrDefault(key.name(), 0L));
        long version = record.map(StateRecord::version).orElse(0L);
        assertThat(version).as("round %d, %s", round, key.name()).isBetween(lastAck, lastAck + 1);
        if (record.isPresent()) {
          assertThat(record.get().bytes()).as("round %d, %s v%d", round, key.name(), version)
              .isEqualTo(CrashWriter.content(key, version));
        }
        assertThat(EmbeddedStore.open(stateDir).newestVersion(key)).isEqualTo(version);
        acked += (int) (lastAck - before.getOrDefault(key.name(), 0L));
        inFlight += (int) (version - lastAck);
      }
    }
    System.out.println("CrashAtomicityTest: " + KILLS + " kills, " + acked
        + " acknowledged writes, " + inFlight + " kills after a write landed and before its ack");
    assertThat(acked).isPositive();
  }

  private static Map<String, Long> newest(Path stateDir) throws Exception {
    Map<String, Long> newest = new HashMap<>();
    if (stateDir.toFile().exists()) {
      for (StateKey key : CrashWriter.KEYS) {
        newest.put(key.name(), EmbeddedStore.open(stateDir).newestVersion(key));
      }
    }
    return newest;
  }

  /**
   * The child JVM. Its output goes to a file, read after it died (a pipe read while the JDK
   * drains it at the child's exit can fail with "Stream closed").
   */
  private static final class Child {
    final Process process;
    final Path output;

    private Child(Process process, Path output) {
      this.process = process;
      this.output = output;
    }

    static Child start(Path stateDir) throws IOException {
      Path output = Files.createTempFile(stateDir.getParent(), "crash-writer", ".out");
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
          CrashWriter.class.getName(), stateDir.toString());
      return new Child(new ProcessBuilder(command).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start(), output);
    }

    void awaitReady() throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(output).startsWith("ready")) {
        assertThat(process.isAlive()).as("the writer died before it was ready").isTrue();
        assertThat(System.nanoTime()).as("the writer was not ready in 60 s").isLessThan(deadline);
        Thread.sleep(5);
      }
    }

    /** Kills the child (SIGKILL) and returns the last version it acknowledged per record. */
    Map<String, Long> kill() throws IOException, InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("the writer failed on its own").isNotEqualTo(3);
      Map<String, Long> last = new HashMap<>();
      for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ack")) {
          last.put(parts[1], Long.parseLong(parts[2]));
        }
      }
      Files.delete(output);
      return last;
    }
  }
}
