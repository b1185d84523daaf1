package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link LogStore}, for any implementation: a subclass opens a fresh store (meeting
 * ids are random, so stores may share a database) and, for a durable one, reopens the same store.
 */
public abstract class LogStoreContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The store under test, opened before each test and closed after it. */
  protected LogStore store;

  /** A store to test (empty, or holding only other meetings). */
  protected abstract LogStore open() throws Exception;

  /**
   * The same store again after {@link #store} was closed (a restart), or empty if the store is
   * not durable.
   */
  protected Optional<LogStore> reopen() throws Exception {
    return Optional.empty();
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  /** Closes the store and reopens it; skips the test for a store that is not durable. */
  protected void restart() throws Exception {
    store.close();
    Optional<LogStore> again = reopen();
    if (again.isEmpty()) {
      store = null;
    }
    assumeThat(again).as("a durable store").isPresent();
    store = again.get();
  }

  static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A new meeting at epoch 0 opened by "host". */
  byte[] meeting() throws StoreException {
    byte[] id = random(16);
    assertThat(store.createMeeting(id, 0, utf8("gi-0"), "host")).isTrue();
    return id;
  }

  /** An entry at {@code epoch} whose stored bytes name its sequence number. */
  static AppendRequest entry(byte[] meetingId, byte[] submitId, long epoch) {
    return AppendRequest.entry(meetingId, submitId, utf8("digest"), epoch,
        s -> utf8("entry@" + s), null, false);
  }

  /** A commit at {@code epoch} whose GroupInfo is {@code gi}. */
  static AppendRequest commit(byte[] meetingId, byte[] submitId, long epoch, String gi) {
    return AppendRequest.entry(meetingId, submitId, utf8("digest-" + gi), epoch,
        s -> utf8("commit@" + s), utf8(gi), false);
  }

  static long appended(AppendOutcome outcome) {
    assertThat(outcome).isInstanceOf(AppendOutcome.Appended.class);
    return ((AppendOutcome.Appended) outcome).sequence();
  }

  static List<Long> sequences(List<SequencedEnvelope> entries) {
    return entries.stream().map(SequencedEnvelope::sequence).toList();
  }

  static KeyPackageEntry kp(String account, boolean lastResort, String tag) {
    return new KeyPackageEntry(account, lastResort, utf8(tag));
  }

  static String tag(Optional<KeyPackageEntry> entry) {
    return entry.map(e -> new String(e.keyPackage(), StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void theServerIdentityIsMadeOnceAndKept() throws Exception {
    byte[] first = store.serverIdentity(() -> utf8("identity-1"));
    byte[] again = store.serverIdentity(() -> utf8("identity-2"));
    assertThat(again).isEqualTo(first);
    restart();
    assertThat(store.serverIdentity(() -> utf8("identity-3"))).isEqualTo(first);
  }

  @Test
  void aMeetingIsCreatedOnceWithItsHead() throws Exception {
    byte[] id = random(16);
    assertThat(store.head(id)).isEmpty();
    assertThat(store.createMeeting(id, 5, utf8("gi-5"), "host")).isTrue();
    assertThat(store.createMeeting(id, 7, utf8("other"), "intruder")).isFalse();
    MeetingHead head = store.head(id).orElseThrow();
    assertThat(head.epoch()).isEqualTo(5);
    assertThat(head.groupInfo()).isEqualTo(utf8("gi-5"));
    assertThat(head.nextSequence()).isEqualTo(1);
    assertThat(head.ended()).isFalse();
    assertThat(store.isReader(id, "host")).isTrue();
    assertThat(store.isReader(id, "intruder")).isFalse();
  }

  @Test
  void entriesGetGaplessSequencesFromOneAndTheirBytes() throws Exception {
    byte[] id = meeting();
    for (long s = 1; s <= 5; s++) {
      assertThat(appended(store.append(entry(id, new byte[0], 0)))).isEqualTo(s);
    }
    List<SequencedEnvelope> all = store.read(id, 1, 100);
    assertThat(sequences(all)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(all.get(2).bytes()).isEqualTo(utf8("entry@3"));
    assertThat(store.head(id).orElseThrow().nextSequence()).isEqualTo(6);
  }

  @Test
  void aCommitMovesTheEpochAndASecondOfThatEpochIsNotStored() throws Exception {
    byte[] id = meeting();
    assertThat(appended(store.append(commit(id, random(16), 0, "gi-1a")))).isEqualTo(1);
    MeetingHead head = store.head(id).orElseThrow();
    assertThat(head.epoch()).isEqualTo(1);
    assertThat(head.groupInfo()).isEqualTo(utf8("gi-1a"));

    assertThat(store.append(commit(id, random(16), 0, "gi-1b")))
        .isEqualTo(new AppendOutcome.EpochMoved(1));
    assertThat(store.append(entry(id, random(16), 0)))
        .isEqualTo(new AppendOutcome.EpochMoved(1));
    assertThat(store.head(id).orElseThrow().groupInfo()).isEqualTo(utf8("gi-1a"));
    assertThat(store.read(id, 1, 100)).hasSize(1);
    assertThat(appended(store.append(entry(id, new byte[0], 1)))).isEqualTo(2);
  }

  @Test
  void anAcceptedEntryRecordsItsAnswer() throws Exception {
    byte[] id = meeting();
    byte[] submitId = random(16);
    store.append(entry(id, new byte[0], 0));
    assertThat(store.answer(id, submitId)).isEmpty();
    assertThat(appended(store.append(commit(id, submitId, 0, "gi-1")))).isEqualTo(2);
    StoredAnswer answer = store.answer(id, submitId).orElseThrow();
    assertThat(answer.result()).isEqualTo(SubmitResult.accepted(2, 1));
    assertThat(answer.digest()).isEqualTo(utf8("digest-gi-1"));
  }

  @Test
  void aRepeatedSubmitIdIsADuplicateAndWritesNothing() throws Exception {
    byte[] id = meeting();
    byte[] submitId = random(16);
    assertThat(appended(store.append(entry(id, submitId, 0)))).isEqualTo(1);
    AppendOutcome again = store.append(entry(id, submitId, 0));
    assertThat(again).isInstanceOfSatisfying(AppendOutcome.Duplicate.class, d -> {
      assertThat(d.first().result()).isEqualTo(SubmitResult.accepted(1, 0));
      assertThat(d.first().digest()).isEqualTo(utf8("digest"));
    });
    // even at another epoch: the answer comes first
    assertThat(store.append(entry(id, submitId, 9))).isInstanceOf(AppendOutcome.Duplicate.class);
    assertThat(store.read(id, 1, 100)).hasSize(1);
  }

  @Test
  void anAnswerOnlyRecordsTheAnswerAndAppendsNothing() throws Exception {
    byte[] id = meeting();
    byte[] submitId = random(16);
    SubmitResult refused = SubmitResult.refused(0, "junk");
    assertThat(store.append(AppendRequest.answerOnly(id, submitId, utf8("d"), refused)))
        .isEqualTo(new AppendOutcome.Appended(0));
    assertThat(store.head(id).orElseThrow().nextSequence()).isEqualTo(1);
    assertThat(store.read(id, 1, 100)).isEmpty();
    assertThat(store.answer(id, submitId).orElseThrow().result()).isEqualTo(refused);
    assertThat(store.append(entry(id, submitId, 0))).isInstanceOfSatisfying(
        AppendOutcome.Duplicate.class, d -> assertThat(d.first().result()).isEqualTo(refused));
    SubmitResult stale = SubmitResult.staleEpoch(0);
    assertThat(store.append(AppendRequest.answerOnly(id, submitId, utf8("d"), stale)))
        .isInstanceOf(AppendOutcome.Duplicate.class);
    assertThat(store.answer(id, submitId).orElseThrow().result()).isEqualTo(refused);
  }

  @Test
  void anUnknownMeetingHasNothing() throws Exception {
    byte[] id = random(16);
    assertThat(store.append(entry(id, random(16), 0))).isEqualTo(new AppendOutcome.NoMeeting());
    assertThat(store.append(AppendRequest.answerOnly(id, random(16), utf8("d"),
        SubmitResult.refused(0, "x")))).isEqualTo(new AppendOutcome.NoMeeting());
    assertThat(store.read(id, 1, 10)).isEmpty();
    assertThat(store.answer(id, random(16))).isEmpty();
    assertThat(store.isReader(id, "host")).isFalse();
    assertThat(store.knocks(id, 0)).isEmpty();
  }

  @Test
  void anEndMessageMarksTheHeadEnded() throws Exception {
    byte[] id = meeting();
    store.append(entry(id, new byte[0], 0));
    assertThat(appended(store.append(AppendRequest.entry(id, new byte[0], utf8("d"), 0,
        s -> utf8("end"), null, true)))).isEqualTo(2);
    assertThat(store.head(id).orElseThrow().ended()).isTrue();
  }

  @Test
  void readPagesInOrder() throws Exception {
    byte[] id = meeting();
    for (int i = 0; i < 7; i++) {
      store.append(entry(id, new byte[0], 0));
    }
    assertThat(sequences(store.read(id, 1, 3))).containsExactly(1L, 2L, 3L);
    assertThat(sequences(store.read(id, 4, 3))).containsExactly(4L, 5L, 6L);
    assertThat(sequences(store.read(id, 7, 3))).containsExactly(7L);
    assertThat(store.read(id, 8, 3)).isEmpty();
    assertThat(store.read(id, 100, 3)).isEmpty();
    assertThat(sequences(store.read(id, 0, 2))).containsExactly(1L, 2L);
    assertThat(store.read(id, 1, 0)).isEmpty();
  }

  @Test
  void compactionDropsEntriesBelowTheHorizonOnly() throws Exception {
    byte[] id = meeting();
    for (int i = 0; i < 6; i++) {
      store.append(entry(id, new byte[0], 0));
    }
    store.compact(id, 4);
    assertThat(sequences(store.read(id, 1, 100))).containsExactly(4L, 5L, 6L);
    assertThat(sequences(store.read(id, 5, 100))).containsExactly(5L, 6L);
    assertThat(store.read(id, 4, 1).get(0).bytes()).isEqualTo(utf8("entry@4"));
    store.compact(id, 2);
    assertThat(sequences(store.read(id, 1, 100))).containsExactly(4L, 5L, 6L);
    assertThat(store.head(id).orElseThrow().nextSequence()).isEqualTo(7);
    store.compact(id, 1000);
    assertThat(store.read(id, 1, 100)).isEmpty();
    assertThat(appended(store.append(entry(id, new byte[0], 0)))).isEqualTo(7);
    assertThat(sequences(store.read(id, 1, 100))).containsExactly(7L);
    store.compact(random(16), 5);
  }

  @Test
  void aKeyPackageIsHandedOutOnce() throws Exception {
    byte[] id = meeting();
    store.publishKeyPackage(id, kp("guest", false, "kp-1"));
    store.publishKeyPackage(id, kp("guest", false, "kp-2"));
    List<String> claimed = List.of(tag(store.claimKeyPackage(id, "guest")),
        tag(store.claimKeyPackage(id, "guest")));
    assertThat(claimed).containsExactlyInAnyOrder("kp-1", "kp-2");
    assertThat(store.claimKeyPackage(id, "guest")).isEmpty();
  }

  @Test
  void aLastResortKeyPackageStaysAndComesLast() throws Exception {
    byte[] id = meeting();
    store.publishKeyPackage(id, kp("guest", true, "last"));
    store.publishKeyPackage(id, kp("guest", false, "kp-1"));
    assertThat(tag(store.claimKeyPackage(id, "guest"))).isEqualTo("kp-1");
    Optional<KeyPackageEntry> last = store.claimKeyPackage(id, "guest");
    assertThat(tag(last)).isEqualTo("last");
    assertThat(last.orElseThrow().lastResort()).isTrue();
    assertThat(tag(store.claimKeyPackage(id, "guest"))).isEqualTo("last");
  }

  @Test
  void keyPackagesAreScopedToALobbyAndAnAccount() throws Exception {
    byte[] a = meeting();
    byte[] b = meeting();
    store.publishKeyPackage(a, kp("guest", false, "for-a"));
    store.publishKeyPackage(b, kp("guest", false, "for-b"));
    assertThat(store.claimKeyPackage(a, "other")).isEmpty();
    assertThat(tag(store.claimKeyPackage(b, "guest"))).isEqualTo("for-b");
    assertThat(store.claimKeyPackage(b, "guest")).isEmpty();
    assertThat(tag(store.claimKeyPackage(a, "guest"))).isEqualTo("for-a");
    byte[] notOpen = random(16);
    store.publishKeyPackage(notOpen, kp("guest", false, "early"));
    assertThat(tag(store.claimKeyPackage(notOpen, "guest"))).isEqualTo("early");
  }

  @Test
  void knocksAreIdempotentOrderedAndBounded() throws Exception {
    byte[] id = meeting();
    assertThat(store.knock(id, "a", 3)).isTrue();
    assertThat(store.knock(id, "b", 3)).isTrue();
    assertThat(store.knock(id, "a", 3)).isTrue();
    assertThat(store.knocks(id, 0)).containsExactly("a", "b");
    assertThat(store.knock(id, "c", 3)).isTrue();
    assertThat(store.knock(id, "d", 3)).isFalse();
    assertThat(store.knock(id, "b", 3)).isTrue();
    assertThat(store.knocks(id, 0)).containsExactly("a", "b", "c");
    assertThat(store.knocks(id, 1)).containsExactly("b", "c");
    assertThat(store.knocks(id, 3)).isEmpty();
    assertThat(store.knocks(id, 9)).isEmpty();
  }

  @Test
  void readersAreTheOpenerAndWhoKnocked() throws Exception {
    byte[] a = meeting();
    byte[] b = meeting();
    store.knock(a, "guest", 10);
    assertThat(store.isReader(a, "host")).isTrue();
    assertThat(store.isReader(a, "guest")).isTrue();
    assertThat(store.isReader(b, "guest")).isFalse();
    assertThat(store.isReader(a, "stranger")).isFalse();
    store.knock(b, "guest", 10);
    assertThat(store.isReader(b, "guest")).isTrue();
  }

  @Test
  void dropRemovesTheMeetingAndItsLobby() throws Exception {
    byte[] id = meeting();
    byte[] other = meeting();
    byte[] submitId = random(16);
    store.append(entry(id, submitId, 0));
    store.append(entry(other, new byte[0], 0));
    store.knock(id, "guest", 10);
    store.publishKeyPackage(id, kp("guest", false, "kp"));
    store.drop(id);
    assertThat(store.head(id)).isEmpty();
    assertThat(store.read(id, 1, 10)).isEmpty();
    assertThat(store.answer(id, submitId)).isEmpty();
    assertThat(store.isReader(id, "guest")).isFalse();
    assertThat(store.isReader(id, "host")).isFalse();
    assertThat(store.knocks(id, 0)).isEmpty();
    assertThat(store.claimKeyPackage(id, "guest")).isEmpty();
    assertThat(store.append(entry(id, random(16), 0))).isEqualTo(new AppendOutcome.NoMeeting());
    store.drop(id);
    assertThat(store.read(other, 1, 10)).hasSize(1);
  }

  @Test
  void appendListenersHearOfEachAppend() throws Exception {
    byte[] id = meeting();
    List<byte[]> heard = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    AutoCloseable registration = store.onAppend(m -> {
      heard.add(m);
      two.countDown();
    });
    store.append(entry(id, new byte[0], 0));
    store.append(commit(id, new byte[0], 0, "gi-1"));
    assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(heard).allSatisfy(m -> assertThat(m).isEqualTo(id));
    registration.close();
    int before = heard.size();
    store.append(entry(id, new byte[0], 1));
    Thread.sleep(200);
    assertThat(heard).hasSize(before);
  }

  @Test
  void concurrentAppendsAreGaplessWithOneCommitPerEpoch() throws Exception {
    byte[] id = meeting();
    int threads = 8;
    int perThread = 40;
    Map<Long, AtomicInteger> commitsPerEpoch = new ConcurrentHashMap<>();
    List<Long> sequences = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            long epoch = store.head(id).orElseThrow().epoch();
            boolean isCommit = i % 3 == 0;
            AppendRequest request = isCommit
                ? commit(id, random(16), epoch, "gi-" + (epoch + 1) + "-" + thread)
                : entry(id, random(16), epoch);
            AppendOutcome outcome = store.append(request);
            if (outcome instanceof AppendOutcome.Appended a) {
              sequences.add(a.sequence());
              if (isCommit) {
                commitsPerEpoch.computeIfAbsent(epoch, e -> new AtomicInteger())
                    .incrementAndGet();
              }
            } else {
              assertThat(outcome).isInstanceOf(AppendOutcome.EpochMoved.class);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    MeetingHead head = store.head(id).orElseThrow();
    assertThat(sequences).doesNotHaveDuplicates();
    assertThat(sequences).hasSize((int) (head.nextSequence() - 1));
    assertThat(sequences(store.read(id, 1, 100_000)))
        .isEqualTo(java.util.stream.LongStream.range(1, head.nextSequence()).boxed().toList());
    assertThat(commitsPerEpoch.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(commitsPerEpoch.keySet()).hasSize((int) head.epoch());
    assertThat(head.epoch()).isGreaterThan(0);
    long commitsInLog = store.read(id, 1, 100_000).stream()
        .filter(e -> new String(e.bytes(), StandardCharsets.UTF_8).startsWith("commit@")).count();
    assertThat(commitsInLog).isEqualTo(head.epoch());
  }

  @Test
  void everythingSurvivesARestart() throws Exception {
    byte[] id = meeting();
    byte[] submitId = random(16);
    byte[] refusedId = random(16);
    store.append(entry(id, new byte[0], 0));
    store.append(commit(id, submitId, 0, "gi-1"));
    store.append(AppendRequest.answerOnly(id, refusedId, utf8("d"),
        SubmitResult.refused(1, "junk")));
    store.append(entry(id, new byte[0], 1));
    store.append(AppendRequest.entry(id, new byte[0], utf8("d"), 1, s -> utf8("end"), null,
        true));
    store.compact(id, 2);
    store.knock(id, "guest", 10);
    store.publishKeyPackage(id, kp("guest", false, "kp-1"));
    store.publishKeyPackage(id, kp("guest", false, "kp-2"));
    String firstClaimed = tag(store.claimKeyPackage(id, "guest"));
    assertThat(firstClaimed).isIn("kp-1", "kp-2");
    byte[] dropped = meeting();
    store.drop(dropped);

    restart();

    MeetingHead head = store.head(id).orElseThrow();
    assertThat(head.epoch()).isEqualTo(1);
    assertThat(head.groupInfo()).isEqualTo(utf8("gi-1"));
    assertThat(head.nextSequence()).isEqualTo(5);
    assertThat(head.ended()).isTrue();
    assertThat(sequences(store.read(id, 1, 10))).containsExactly(2L, 3L, 4L);
    assertThat(store.read(id, 2, 1).get(0).bytes()).isEqualTo(utf8("commit@2"));
    assertThat(store.answer(id, submitId).orElseThrow().result())
        .isEqualTo(SubmitResult.accepted(2, 1));
    assertThat(store.answer(id, refusedId).orElseThrow().result().status())
        .isEqualTo(SubmitStatus.REFUSED);
    assertThat(store.isReader(id, "host")).isTrue();
    assertThat(store.knocks(id, 0)).containsExactly("guest");
    assertThat(tag(store.claimKeyPackage(id, "guest")))
        .isEqualTo(firstClaimed.equals("kp-1") ? "kp-2" : "kp-1");
    assertThat(store.claimKeyPackage(id, "guest")).isEmpty();
    assertThat(store.head(dropped)).isEmpty();
    assertThat(appended(store.append(entry(id, new byte[0], 1)))).isEqualTo(5);
  }
}
