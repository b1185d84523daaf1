package dev.sealmeet.ds.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.MeetingHead;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.StoredAnswer;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against a real PostgreSQL, one fresh database per test. */
class PostgresLogStoreTest {
  private static final byte[] MEETING = bytes("meeting-1");
  private static PostgresServer server;

  private String url;
  private PostgresLogStore store;

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
  void openStore() throws Exception {
    url = server.createDatabase();
    store = PostgresLogStore.open(url, server.user(), server.password(), 4);
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static AppendRequest entry(byte[] meeting, String submitId, long epoch, String nextGroupInfo) {
    return AppendRequest.entry(meeting, bytes(submitId), bytes("digest " + submitId), epoch,
        seq -> bytes("envelope " + submitId + " at " + seq),
        nextGroupInfo == null ? null : bytes(nextGroupInfo), false);
  }

  private MeetingHead head() throws StoreException {
    return store.head(MEETING).orElseThrow();
  }

  @Test
  void serverIdentity_isMadeOnce_andSharedByEveryStoreOnTheDatabase() throws Exception {
    AtomicInteger made = new AtomicInteger();
    byte[] first = store.serverIdentity(() -> bytes("identity " + made.incrementAndGet()));
    try (PostgresLogStore other = PostgresLogStore.open(url, server.user(), server.password())) {
      assertThat(other.serverIdentity(() -> bytes("identity " + made.incrementAndGet())))
          .isEqualTo(first);
    }
    assertThat(first).isEqualTo(bytes("identity 1"));
    assertThat(made).hasValue(1);
  }

  @Test
  void createMeeting_twice_keepsTheFirst() throws Exception {
    assertThat(store.createMeeting(MEETING, 3, bytes("gi 3"), "alice")).isTrue();
    assertThat(store.createMeeting(MEETING, 7, bytes("gi 7"), "bob")).isFalse();
    MeetingHead head = head();
    assertThat(head.epoch()).isEqualTo(3);
    assertThat(head.groupInfo()).isEqualTo(bytes("gi 3"));
    assertThat(head.nextSequence()).isEqualTo(1);
    assertThat(head.ended()).isFalse();
    assertThat(store.isReader(MEETING, "alice")).isTrue();
    assertThat(store.isReader(MEETING, "bob")).isFalse();
  }

  @Test
  void unknownMeeting_hasNoHead_noEntries_andRefusesAppends() throws Exception {
    assertThat(store.head(MEETING)).isEmpty();
    assertThat(store.read(MEETING, 1, 10)).isEmpty();
    assertThat(store.append(entry(MEETING, "s1", 0, null)))
        .isEqualTo(new AppendOutcome.NoMeeting());
    assertThat(store.knock(MEETING, "carol", 10)).isFalse();
    assertThat(store.claimKeyPackage(MEETING, "carol")).isEmpty();
    assertThatThrownBy(() -> store.publishKeyPackage(MEETING,
        new KeyPackageEntry("carol", false, bytes("kp")))).isInstanceOf(
            IllegalArgumentException.class).hasMessageNotContaining("carol");
  }

  @Test
  void append_givesGaplessSequences_andStoresTheBytesOfItsSequence() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    assertThat(store.append(entry(MEETING, "a", 0, null)))
        .isEqualTo(new AppendOutcome.Appended(1));
    assertThat(store.append(entry(MEETING, "b", 0, null)))
        .isEqualTo(new AppendOutcome.Appended(2));
    assertThat(store.append(entry(MEETING, "", 0, null)))
        .isEqualTo(new AppendOutcome.Appended(3));
    List<SequencedEnvelope> log = store.read(MEETING, 1, 10);
    assertThat(log).extracting(SequencedEnvelope::sequence).containsExactly(1L, 2L, 3L);
    assertThat(log.get(1).bytes()).isEqualTo(bytes("envelope b at 2"));
    assertThat(store.read(MEETING, 2, 1)).extracting(SequencedEnvelope::sequence)
        .containsExactly(2L);
    assertThat(head().nextSequence()).isEqualTo(4);
    assertThat(store.answer(MEETING, bytes("b")).orElseThrow().result())
        .isEqualTo(SubmitResult.accepted(2, 0));
  }

  @Test
  void commit_movesTheEpoch_andASecondCommitOfTheEpochIsEpochMoved() throws Exception {
    store.createMeeting(MEETING, 5, bytes("gi 5"), "alice");
    assertThat(store.append(entry(MEETING, "c1", 5, "gi 6")))
        .isEqualTo(new AppendOutcome.Appended(1));
    assertThat(store.append(entry(MEETING, "c2", 5, "gi 6 other")))
        .isEqualTo(new AppendOutcome.EpochMoved(6));
    assertThat(store.append(entry(MEETING, "p", 5, null)))
        .isEqualTo(new AppendOutcome.EpochMoved(6));
    MeetingHead head = head();
    assertThat(head.epoch()).isEqualTo(6);
    assertThat(head.groupInfo()).isEqualTo(bytes("gi 6"));
    assertThat(head.nextSequence()).isEqualTo(2);
    assertThat(store.answer(MEETING, bytes("c1")).orElseThrow().result())
        .isEqualTo(SubmitResult.accepted(1, 6));
    assertThat(store.answer(MEETING, bytes("c2"))).isEmpty();
  }

  @Test
  void append_ofAnAnsweredSubmitId_isDuplicate_andWritesNothing() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    store.append(entry(MEETING, "same", 0, null));
    AppendOutcome again = store.append(entry(MEETING, "same", 0, "gi 1"));
    assertThat(again).isInstanceOf(AppendOutcome.Duplicate.class);
    StoredAnswer first = ((AppendOutcome.Duplicate) again).first();
    assertThat(first.result()).isEqualTo(SubmitResult.accepted(1, 0));
    assertThat(first.digest()).isEqualTo(bytes("digest same"));
    assertThat(head().epoch()).isZero();
    assertThat(head().nextSequence()).isEqualTo(2);
  }

  @Test
  void answerOnly_recordsTheVerdict_withoutAnEntry() throws Exception {
    store.createMeeting(MEETING, 2, bytes("gi 2"), "alice");
    SubmitResult refused = SubmitResult.refused(2, "not a member of the meeting");
    assertThat(store.append(AppendRequest.answerOnly(MEETING, bytes("r"), bytes("d"), refused)))
        .isEqualTo(new AppendOutcome.Appended(0));
    assertThat(store.answer(MEETING, bytes("r")))
        .hasValueSatisfying(a -> assertThat(a.result()).isEqualTo(refused));
    assertThat(store.append(entry(MEETING, "r", 2, null)))
        .isInstanceOf(AppendOutcome.Duplicate.class);
    assertThat(store.read(MEETING, 1, 10)).isEmpty();
    assertThat(head().nextSequence()).isEqualTo(1);
  }

  @Test
  void anEndMessage_marksTheHeadEnded() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    store.append(AppendRequest.entry(MEETING, new byte[0], bytes("d"), 0, s -> bytes("end"),
        null, true));
    assertThat(head().ended()).isTrue();
  }

  @Test
  void compact_dropsEntriesBelowTheHorizon_only() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    for (int i = 0; i < 5; i++) {
      store.append(entry(MEETING, "e" + i, 0, null));
    }
    store.compact(MEETING, 4);
    assertThat(store.read(MEETING, 1, 10)).extracting(SequencedEnvelope::sequence)
        .containsExactly(4L, 5L);
    assertThat(store.append(entry(MEETING, "e5", 0, null)))
        .isEqualTo(new AppendOutcome.Appended(6));
  }

  @Test
  void drop_removesTheMeetingAndEverythingOfIt() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    store.append(entry(MEETING, "a", 0, null));
    store.knock(MEETING, "bob", 10);
    store.publishKeyPackage(MEETING, new KeyPackageEntry("bob", false, bytes("kp")));
    store.drop(MEETING);
    store.drop(MEETING);
    assertThat(store.head(MEETING)).isEmpty();
    assertThat(store.read(MEETING, 1, 10)).isEmpty();
    assertThat(store.answer(MEETING, bytes("a"))).isEmpty();
    assertThat(store.knocks(MEETING, 0)).isEmpty();
    assertThat(store.isReader(MEETING, "alice")).isFalse();
    assertThat(store.claimKeyPackage(MEETING, "bob")).isEmpty();
  }

  @Test
  void claimKeyPackage_handsEachPlainOneOut_once_thenTheLastResort_again() throws Exception {
    byte[] other = bytes("meeting-2");
    store.createMeeting(MEETING, 0, bytes("gi"), "alice");
    store.createMeeting(other, 0, bytes("gi"), "alice");
    store.publishKeyPackage(MEETING, new KeyPackageEntry("bob", true, bytes("last")));
    store.publishKeyPackage(MEETING, new KeyPackageEntry("bob", false, bytes("one")));
    store.publishKeyPackage(MEETING, new KeyPackageEntry("bob", false, bytes("two")));
    store.publishKeyPackage(other, new KeyPackageEntry("bob", false, bytes("elsewhere")));
    store.publishKeyPackage(MEETING, new KeyPackageEntry("carol", false, bytes("carol's")));

    assertThat(store.claimKeyPackage(MEETING, "bob").orElseThrow().keyPackage())
        .isEqualTo(bytes("one"));
    assertThat(store.claimKeyPackage(MEETING, "bob").orElseThrow().keyPackage())
        .isEqualTo(bytes("two"));
    for (int i = 0; i < 2; i++) {
      KeyPackageEntry last = store.claimKeyPackage(MEETING, "bob").orElseThrow();
      assertThat(last.keyPackage()).isEqualTo(bytes("last"));
      assertThat(last.lastResort()).isTrue();
      assertThat(last.account()).isEqualTo("bob");
    }
    assertThat(store.claimKeyPackage(other, "bob").orElseThrow().keyPackage())
        .isEqualTo(bytes("elsewhere"));
    assertThat(store.claimKeyPackage(other, "bob")).isEmpty();
    assertThat(store.claimKeyPackage(MEETING, "dave")).isEmpty();
  }

  @Test
  void knock_isIdempotent_ordered_bounded_andMakesAReader() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi"), "alice");
    assertThat(store.knock(MEETING, "bob", 2)).isTrue();
    assertThat(store.knock(MEETING, "carol", 2)).isTrue();
    assertThat(store.knock(MEETING, "bob", 2)).isTrue();
    assertThat(store.knock(MEETING, "dave", 2)).isFalse();
    assertThat(store.knocks(MEETING, 0)).containsExactly("bob", "carol");
    assertThat(store.knocks(MEETING, 1)).containsExactly("carol");
    assertThat(store.knocks(MEETING, 5)).isEmpty();
    assertThat(store.isReader(MEETING, "carol")).isTrue();
    assertThat(store.isReader(MEETING, "dave")).isFalse();
  }

  @Test
  void onAppend_tellsLocalListeners_untilClosed() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi"), "alice");
    List<byte[]> heard = new CopyOnWriteArrayList<>();
    AutoCloseable registration = store.onAppend(heard::add);
    store.append(entry(MEETING, "a", 0, null));
    store.append(AppendRequest.answerOnly(MEETING, bytes("r"), bytes("d"),
        SubmitResult.staleEpoch(0)));
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0)).isEqualTo(MEETING);
    registration.close();
    store.append(entry(MEETING, "b", 0, null));
    assertThat(heard).hasSize(1);
  }

  @Test
  void theDatabaseItself_refusesASecondCommitOfAnEpoch() throws Exception {
    store.createMeeting(MEETING, 0, bytes("gi 0"), "alice");
    store.append(entry(MEETING, "c", 0, "gi 1"));
    try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO commits (meeting, epoch, seq) VALUES (?, 0, 2)")) {
      insert.setBytes(1, MEETING);
      assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }
  }

  @Test
  void open_withNoDatabaseListening_failsWithStoreException() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/none";
    assertThatThrownBy(() -> PostgresLogStore.open(nowhere, "u", "secret-password"))
        .isInstanceOf(StoreException.class).hasMessageNotContaining("secret-password");
  }
}
