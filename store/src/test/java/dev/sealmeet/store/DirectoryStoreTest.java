package dev.sealmeet.store;

import static dev.sealmeet.store.StoreTesting.ALICE;
import static dev.sealmeet.store.StoreTesting.ALICE_ELSEWHERE;
import static dev.sealmeet.store.StoreTesting.ALICE_MARKS;
import static dev.sealmeet.store.StoreTesting.BOB;
import static dev.sealmeet.store.StoreTesting.MEETING;
import static dev.sealmeet.store.StoreTesting.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {
  @TempDir Path tmp;
  private Path stateDir;
  private Path markDir;
  private DirectoryStore store;

  @BeforeEach
  void open() throws StorageException {
    stateDir = tmp.resolve("state");
    markDir = tmp.resolve("marks");
    store = DirectoryStore.open(stateDir, markDir);
  }

  @Test
  void write_thenRead_returnsTheRecord() throws StorageException {
    StateRecord meeting = new StateRecord(ALICE, 1, random(3000));
    StateRecord marks = new StateRecord(ALICE_MARKS, 7, new byte[0]);
    store.write(meeting);
    store.write(marks);

    assertThat(store.read(ALICE)).contains(meeting);
    assertThat(store.read(ALICE_MARKS)).contains(marks);
    assertThat(store.newestVersion(ALICE)).isEqualTo(1);
    assertThat(store.newestVersion(ALICE_MARKS)).isEqualTo(7);
  }

  @Test
  void read_neverWritten_isEmptyAndVersionZero() throws StorageException {
    assertThat(store.read(BOB)).isEmpty();
    assertThat(store.newestVersion(BOB)).isZero();
  }

  @Test
  void write_newerVersion_replacesAndSurvivesReopening() throws StorageException {
    store.write(new StateRecord(ALICE, 1, random(10)));
    StateRecord second = new StateRecord(ALICE, 5, random(20));
    store.write(second);

    DirectoryStore reopened = DirectoryStore.open(stateDir, markDir);
    assertThat(reopened.read(ALICE)).contains(second);
    assertThat(reopened.newestVersion(ALICE)).isEqualTo(5);
  }

  @Test
  void write_versionNotNewer_isRefusedAndChangesNothing() throws StorageException {
    StateRecord second = new StateRecord(ALICE, 2, random(10));
    store.write(second);

    for (long version : new long[] {1, 2}) {
      assertThatThrownBy(() -> store.write(new StateRecord(ALICE, version, random(10))))
          .isInstanceOf(StorageException.class).hasMessageContaining("not newer");
    }
    assertThat(store.read(ALICE)).contains(second);
  }

  @Test
  void rollback_oldRecordFilePutBack_readReturnsItButNewestVersionIsGreater() throws Exception {
    StateRecord first = StoreTesting.rollBack(store, store, ALICE);

    assertThat(store.read(ALICE)).contains(first);
    assertThat(store.newestVersion(ALICE)).isEqualTo(2);
    assertThatThrownBy(() -> store.write(new StateRecord(ALICE, 2, random(1))))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void crashBetweenRecordAndMark_recordAheadOfMark_isTheNewest() throws Exception {
    store.write(new StateRecord(ALICE, 1, random(10)));
    byte[] oldMark = Files.readAllBytes(store.markPath(ALICE));
    StateRecord second = new StateRecord(ALICE, 2, random(10));
    store.write(second);
    Files.write(store.markPath(ALICE), oldMark);

    assertThat(store.read(ALICE)).contains(second);
    assertThat(store.newestVersion(ALICE)).isEqualTo(2);
    assertThatThrownBy(() -> store.write(new StateRecord(ALICE, 2, random(1))))
        .isInstanceOf(StorageException.class);
    store.write(new StateRecord(ALICE, 3, random(1)));
    assertThat(store.newestVersion(ALICE)).isEqualTo(3);
  }

  @Test
  void recordFile_movedToAnotherMeetingAccountOrName_isRefused() throws Exception {
    store.write(new StateRecord(ALICE, 1, random(50)));
    for (StateKey other : List.of(ALICE_ELSEWHERE, BOB, ALICE_MARKS)) {
      store.write(new StateRecord(other, 1, random(50)));
      Files.copy(store.recordPath(ALICE), store.recordPath(other),
          StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> store.read(other)).as("%s", other)
          .isInstanceOf(StorageException.class).hasMessageContaining("moved");
    }
  }

  @Test
  void markFile_movedToAnotherRecord_isRefused() throws Exception {
    store.write(new StateRecord(ALICE, 9, random(5)));
    store.write(new StateRecord(BOB, 1, random(5)));
    Files.copy(store.markPath(ALICE), store.markPath(BOB), StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> store.newestVersion(BOB)).isInstanceOf(StorageException.class);
  }

  @Test
  void everyBitFlip_ofARecordOrMarkFile_isRefused() throws Exception {
    store.write(new StateRecord(ALICE, 3, random(40)));

    StoreTesting.everyBitFlipFails(store.recordPath(ALICE), () -> store.read(ALICE));
    StoreTesting.everyBitFlipFails(store.markPath(ALICE), () -> store.newestVersion(ALICE));
    assertThat(store.newestVersion(ALICE)).isEqualTo(3);
  }

  @Test
  void truncatedOrExtendedRecordFile_isRefused() throws Exception {
    store.write(new StateRecord(ALICE, 3, random(40)));
    byte[] file = Files.readAllBytes(store.recordPath(ALICE));
    for (int length = 0; length < file.length; length++) {
      Files.write(store.recordPath(ALICE), java.util.Arrays.copyOf(file, length));
      assertThatThrownBy(() -> store.read(ALICE)).isInstanceOf(StorageException.class);
    }
    Files.write(store.recordPath(ALICE), java.util.Arrays.copyOf(file, file.length + 1));
    assertThatThrownBy(() -> store.read(ALICE)).isInstanceOf(StorageException.class);
  }

  @Test
  void damagedRecord_isReplacedByTheNextWrite() throws Exception {
    store.write(new StateRecord(ALICE, 1, random(40)));
    Files.write(store.recordPath(ALICE), new byte[] {1, 2, 3});
    StateRecord next = new StateRecord(ALICE, 2, random(40));

    store.write(next);

    assertThat(store.read(ALICE)).contains(next);
  }

  @Test
  void erase_deletesTheMembersRecordsKeepsTheirMarksAndOthers() throws Exception {
    store.write(new StateRecord(ALICE, 4, random(10)));
    store.write(new StateRecord(ALICE_MARKS, 6, random(10)));
    StateRecord bob = new StateRecord(BOB, 1, random(10));
    store.write(bob);
    StateRecord elsewhere = new StateRecord(ALICE_ELSEWHERE, 1, random(10));
    store.write(elsewhere);

    store.erase(MEETING, "alice");

    assertThat(store.read(ALICE)).isEmpty();
    assertThat(store.read(ALICE_MARKS)).isEmpty();
    assertThat(store.newestVersion(ALICE)).isEqualTo(4);
    assertThat(store.newestVersion(ALICE_MARKS)).isEqualTo(6);
    assertThat(store.read(BOB)).contains(bob);
    assertThat(store.read(ALICE_ELSEWHERE)).contains(elsewhere);
    assertThat(store.recordPath(ALICE).getParent()).doesNotExist();
    assertThatThrownBy(() -> store.write(new StateRecord(ALICE, 4, random(1))))
        .isInstanceOf(StorageException.class);
    store.write(new StateRecord(ALICE, 5, random(1)));
    store.erase(MEETING, "nobody");
  }

  @Test
  void erase_marksInTheStateDirectory_keepsTheMarks() throws Exception {
    DirectoryStore single = DirectoryStore.open(tmp.resolve("single"));
    single.write(new StateRecord(ALICE, 4, random(10)));

    single.erase(MEETING, "alice");

    assertThat(single.read(ALICE)).isEmpty();
    assertThat(single.newestVersion(ALICE)).isEqualTo(4);
  }

  @Test
  void hostileAccountsAndNames_stayInsideTheStateDirectory() throws Exception {
    List<String> hostile = List.of("../../escape", "/etc/passwd", "a/b\\c", "..", "\u0000",
        "CON", "x".repeat(10_000), "é\uD83D\uDE00");
    for (String account : hostile) {
      StateKey key = new StateKey(MEETING, account, account);
      StateRecord record = new StateRecord(key, 1, random(8));
      store.write(record);
      assertThat(store.read(key)).contains(record);
    }
    try (var walk = Files.walk(tmp)) {
      assertThat(walk.filter(p -> !p.startsWith(stateDir) && !p.startsWith(markDir)))
          .containsExactlyInAnyOrder(tmp);
    }
    for (Path file : StoreTesting.files(tmp)) {
      assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.(rec|mark)");
    }
  }

  @Test
  void open_deletesTemporaryFilesAnInterruptedWriteLeft() throws Exception {
    store.write(new StateRecord(ALICE, 1, random(10)));
    Path member = store.recordPath(ALICE).getParent();
    Path stale = Files.createFile(member.resolve("x.rec.123" + AtomicFiles.TEMP_SUFFIX));
    Path staleMark = Files.createFile(store.markPath(ALICE).resolveSibling("y.mark.1.tmp"));

    DirectoryStore.open(stateDir, markDir);

    assertThat(stale).doesNotExist();
    assertThat(staleMark).doesNotExist();
    assertThat(store.recordPath(ALICE)).exists();
  }

  @Test
  void files_areOwnerOnly_wherePosix() throws Exception {
    store.write(new StateRecord(ALICE, 1, random(10)));
    if (!AtomicFiles.isPosix(stateDir)) {
      return;
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)))
        .isEqualTo("rwx------");
    for (Path file : StoreTesting.files(tmp)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("%s", file).isEqualTo("rw-------");
    }
  }

  @Test
  void toString_showsDirectoriesNeverBytes() throws IOException, StorageException {
    byte[] secret = random(32);
    store.write(new StateRecord(ALICE, 1, secret));

    assertThat(store.toString()).contains(stateDir.toString()).contains(markDir.toString());
    assertThat(store.read(ALICE).orElseThrow().toString())
        .doesNotContain(FileFormat.hex(secret).substring(0, 8)).doesNotContain("alice".repeat(2));
  }
}
