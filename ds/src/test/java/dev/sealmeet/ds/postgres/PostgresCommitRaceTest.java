package dev.sealmeet.ds.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.MeetingHead;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two store objects ("nodes", each with its own pool) over one real PostgreSQL database, racing
 * commits and plain entries at the same epochs: the database alone must keep one commit per
 * epoch, gapless sequence numbers and answers that match the log.
 */
class PostgresCommitRaceTest {
  private static final byte[] MEETING = bytes("race");
  private static final int THREADS = 16;
  private static final int EPOCHS = 150;

  private static PostgresServer server;
  private PostgresLogStore nodeA;
  private PostgresLogStore nodeB;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openNodes() throws Exception {
    String url = server.createDatabase();
    nodeA = PostgresLogStore.open(url, server.user(), server.password(), 6);
    nodeB = PostgresLogStore.open(url, server.user(), server.password(), 6);
  }

  @AfterEach
  void closeNodes() throws Exception {
    nodeA.close();
    nodeB.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** What a submitter asked for and what the store said. */
  record Submission(String submitId, boolean commit, long expectedEpoch, AppendOutcome outcome) {}

  /** The stored bytes: everything needed to check the log on its own. */
  static byte[] envelope(String submitId, boolean commit, long epoch, long seq) {
    return bytes(submitId + "|" + (commit ? "commit" : "entry") + "|" + epoch + "|" + seq);
  }

  static AppendRequest request(byte[] meeting, String submitId, boolean commit, long epoch) {
    return AppendRequest.entry(meeting, bytes(submitId), bytes("digest " + submitId), epoch,
        seq -> envelope(submitId, commit, epoch, seq), commit ? bytes("gi " + (epoch + 1)) : null,
        false);
  }

  @Test
  void racingCommitsOnTwoNodes_storeOneCommitPerEpoch_andAGaplessLog() throws Exception {
    nodeA.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    Map<String, Submission> submitted = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      PostgresLogStore node = t % 2 == 0 ? nodeA : nodeB;
      String name = "t" + t;
      workers.add(pool.submit(() -> {
        go.await();
        int duplicates = 0;
        for (int i = 0; ; i++) {
          MeetingHead head = node.head(MEETING).orElseThrow();
          if (head.epoch() >= EPOCHS) {
            return duplicates;
          }
          String id = name + "-" + i;
          boolean commit = ThreadLocalRandom.current().nextBoolean();
          AppendOutcome outcome = node.append(request(MEETING, id, commit, head.epoch()));
          submitted.put(id, new Submission(id, commit, head.epoch(), outcome));
          if (outcome instanceof AppendOutcome.Appended && i % 5 == 0) {
            AppendOutcome again = node.append(request(MEETING, id, !commit, head.epoch()));
            assertThat(again).isInstanceOf(AppendOutcome.Duplicate.class);
            assertThat(((AppendOutcome.Duplicate) again).first().result().sequence())
                .isEqualTo(((AppendOutcome.Appended) outcome).sequence());
            duplicates++;
          }
        }
      }));
    }
    go.countDown();
    int duplicates = 0;
    for (Future<Integer> worker : workers) {
      duplicates += worker.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    List<SequencedEnvelope> log = nodeB.read(MEETING, 1, Integer.MAX_VALUE);
    List<String> commitsPerEpoch = checkLinear(log);
    for (SequencedEnvelope e : log) {
      String id = new String(e.bytes(), StandardCharsets.UTF_8).split("\\|")[0];
      assertThat(submitted.get(id).outcome()).as("stored means answered Appended there")
          .isEqualTo(new AppendOutcome.Appended(e.sequence()));
    }
    assertThat(commitsPerEpoch).hasSize(EPOCHS);
    MeetingHead head = nodeA.head(MEETING).orElseThrow();
    assertThat(head.epoch()).isEqualTo(EPOCHS);
    assertThat(head.nextSequence()).isEqualTo(log.size() + 1);
    assertThat(head.groupInfo()).isEqualTo(bytes("gi " + EPOCHS));

    long appended = 0;
    long moved = 0;
    for (Submission s : submitted.values()) {
      if (s.outcome() instanceof AppendOutcome.Appended a) {
        appended++;
        assertThat(new String(log.get((int) a.sequence() - 1).bytes(), StandardCharsets.UTF_8))
            .startsWith(s.submitId() + "|");
        assertThat(nodeB.answer(MEETING, bytes(s.submitId())).orElseThrow().result().sequence())
            .isEqualTo(a.sequence());
      } else {
        assertThat(s.outcome()).isInstanceOf(AppendOutcome.EpochMoved.class);
        assertThat(((AppendOutcome.EpochMoved) s.outcome()).currentEpoch())
            .isGreaterThan(s.expectedEpoch());
        assertThat(nodeB.answer(MEETING, bytes(s.submitId()))).isEmpty();
        moved++;
      }
    }
    assertThat(appended).isEqualTo(log.size());
    assertThat(moved).as("the race was real: some lost").isPositive();
    System.out.printf("commit race: %d submissions, %d stored (%d commits), %d epoch moved,"
        + " %d duplicates%n", submitted.size(), appended, EPOCHS, moved, duplicates);
  }

  @Test
  void anAppendOnOneNode_reachesTheOtherNodesListener() throws Exception {
    int meetings = 300;
    List<byte[]> ids = new ArrayList<>();
    for (int i = 0; i < meetings; i++) {
      byte[] id = bytes("notify-" + i);
      ids.add(id);
      nodeA.createMeeting(id, 0, bytes("gi"), "alice");
    }
    Map<String, Long> heardByB = new ConcurrentHashMap<>();
    Map<String, Integer> heardByA = new ConcurrentHashMap<>();
    nodeB.onAppend(id -> heardByB.putIfAbsent(HexFormat.of().formatHex(id), System.nanoTime()));
    nodeA.onAppend(id -> heardByA.merge(HexFormat.of().formatHex(id), 1, Integer::sum));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!nodeB.listening() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(nodeB.listening()).isTrue();

    Map<String, Long> sent = new ConcurrentHashMap<>();
    long[] appendCalls = new long[meetings];
    for (int i = 0; i < meetings; i++) {
      long start = System.nanoTime();
      sent.put(HexFormat.of().formatHex(ids.get(i)), start);
      nodeA.append(request(ids.get(i), "", false, 0));
      appendCalls[i] = System.nanoTime() - start;
      Thread.sleep(2);
    }
    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (heardByB.size() < meetings && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(heardByB).as("every append heard by the other node").hasSize(meetings);
    Thread.sleep(500);
    assertThat(heardByA).as("the own node hears each append once").hasSize(meetings)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    long[] delays = sent.entrySet().stream()
        .mapToLong(e -> heardByB.get(e.getKey()) - e.getValue()).sorted().toArray();
    java.util.Arrays.sort(appendCalls);
    System.out.printf("cross-node notification delay over %d appends (from the start of the"
        + " append call on node A to node B's listener): p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
        + " the append call itself: p50 %.2f ms, p99 %.2f ms%n", meetings,
        delays[delays.length / 2] / 1e6, delays[(int) (delays.length * 0.99)] / 1e6,
        delays[delays.length - 1] / 1e6, appendCalls[meetings / 2] / 1e6,
        appendCalls[(int) (meetings * 0.99)] / 1e6);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {false, true})
  void aRestartUnderLoad_failsCallsDuringTheOutage_andLosesNothingAcknowledged(boolean crash)
      throws Exception {
    nodeA.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    AtomicInteger failedCalls = new AtomicInteger();
    AtomicInteger ackedAfterRestart = new AtomicInteger();
    AtomicBoolean restarted = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    Set<String> heardByB = ConcurrentHashMap.newKeySet();
    nodeB.onAppend(id -> heardByB.add(new String(id, StandardCharsets.UTF_8)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      PostgresLogStore node = t % 2 == 0 ? nodeA : nodeB;
      String name = "w" + t;
      writers.add(pool.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          String id = name + "-" + i;
          try {
            long epoch = node.head(MEETING).orElseThrow().epoch();
            AppendOutcome outcome = node.append(request(MEETING, id, i % 4 == 0, epoch));
            if (outcome instanceof AppendOutcome.Appended a) {
              acknowledged.put(id, a.sequence());
              if (restarted.get()) {
                ackedAfterRestart.incrementAndGet();
              }
            }
          } catch (StoreException e) {
            unknown.add(id);
            failedCalls.incrementAndGet();
            Thread.sleep(5);
          }
        }
        return null;
      }));
    }
    Thread.sleep(1000);
    int ackedBefore = acknowledged.size();
    if (crash) {
      server.crash();
    } else {
      server.stop();
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> nodeA.append(request(MEETING, "during outage", false, 0)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> nodeB.head(MEETING)).isInstanceOf(StoreException.class);
    long outageCallNanos = System.nanoTime() - start;
    assertThat(outageCallNanos).as("fails, never hangs").isLessThan(TimeUnit.SECONDS.toNanos(30));
    Thread.sleep(1000);
    server.startAgain();
    restarted.set(true);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ackedAfterRestart.get() < 50 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    stop.set(true);
    for (Future<?> writer : writers) {
      writer.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(ackedBefore).as("load before the outage").isPositive();
    assertThat(failedCalls).as("calls failed during the outage").hasPositiveValue();
    assertThat(ackedAfterRestart).as("calls succeed after it").hasValueGreaterThanOrEqualTo(50);

    List<SequencedEnvelope> log = nodeA.read(MEETING, 1, Integer.MAX_VALUE);
    checkLinear(log);
    Map<String, Long> stored = new HashMap<>();
    for (SequencedEnvelope e : log) {
      stored.put(new String(e.bytes(), StandardCharsets.UTF_8).split("\\|")[0], e.sequence());
    }
    assertThat(stored).as("every acknowledged entry is stored where it was acknowledged")
        .containsAllEntriesOf(acknowledged);
    assertThat(stored.keySet()).as("nothing stored that nobody submitted")
        .allSatisfy(id -> assertThat(acknowledged.containsKey(id) || unknown.contains(id))
            .isTrue());
    assertThat(stored).doesNotContainKey("during outage");
    for (String id : unknown) {
      Long seq = stored.get(id);
      assertThat(nodeB.answer(MEETING, bytes(id)).map(a -> a.result().sequence()))
          .as("an unknown outcome is all or nothing").isEqualTo(Optional.ofNullable(seq));
    }

    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!nodeB.listening() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(nodeB.listening()).as("the listener reconnected").isTrue();
    byte[] after = bytes("after restart");
    nodeA.createMeeting(after, 0, bytes("gi"), "alice");
    nodeA.append(request(after, "", false, 0));
    until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!heardByB.contains("after restart") && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(heardByB).contains("after restart");
    System.out.printf("restart under load (%s): %d acknowledged (%d before the outage, %d after),"
        + " %d calls failed with StoreException, outage calls failed in %.1f ms, log %d entries%n",
        crash ? "crash" : "fast shutdown", acknowledged.size(), ackedBefore,
        ackedAfterRestart.get(), failedCalls.get(),
        outageCallNanos / 1e6, log.size());
  }

  /**
   * Checks that the log is gapless, that each entry holds the bytes of its own sequence, and that
   * each was checked against the epoch it is stored in (a commit moves the next ones on).
   *
   * @return the submit ids of the commits, in order
   */
  static List<String> checkLinear(List<SequencedEnvelope> log) {
    long epoch = 0;
    List<String> commits = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      SequencedEnvelope e = log.get(i);
      assertThat(e.sequence()).as("gapless").isEqualTo(i + 1);
      String[] parts = new String(e.bytes(), StandardCharsets.UTF_8).split("\\|");
      assertThat(Long.parseLong(parts[3])).as("bytes of their own sequence").isEqualTo(i + 1);
      assertThat(Long.parseLong(parts[2])).as("checked against the epoch it is stored in")
          .isEqualTo(epoch);
      if (parts[1].equals("commit")) {
        commits.add(parts[0]);
        epoch++;
      }
    }
    return commits;
  }
}
