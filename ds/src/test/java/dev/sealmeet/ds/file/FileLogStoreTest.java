package dev.sealmeet.ds.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.LogStoreContract;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps every rule of a LogStore, across restarts, torn tails and crashes. */
class FileLogStoreTest extends LogStoreContract {
  @TempDir
  Path dir;

  @Override
  protected LogStore open() throws StoreException {
    return FileLogStore.open(dir);
  }

  @Override
  protected Optional<LogStore> reopen() throws StoreException {
    return Optional.of(FileLogStore.open(dir));
  }

  private byte[] meetingWith(int entries) throws StoreException {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    store.createMeeting(id, 0, "gi".getBytes(StandardCharsets.UTF_8), "host");
    for (int i = 0; i < entries; i++) {
      store.append(entry(id, 0));
    }
    return id;
  }

  private static AppendRequest entry(byte[] id, long epoch) {
    return AppendRequest.entry(id, new byte[0], new byte[1], epoch,
        s -> ("entry@" + s).getBytes(StandardCharsets.UTF_8), null, false);
  }

  private Path journal() {
    return dir.resolve(FileLogStore.JOURNAL);
  }

  private List<Long> sequencesOf(byte[] id) throws StoreException {
    return store.read(id, 1, 10_000).stream().map(SequencedEnvelope::sequence).toList();
  }

  @Test
  void aTornTailIsCutOffAndTheStoreGoesOn() throws Exception {
    byte[] id = meetingWith(3);
    store.close();
    byte[] whole = JournalFile.frame(new byte[] {4, 5, 6, 7, 8, 9, 10});
    Files.write(journal(), java.util.Arrays.copyOf(whole, whole.length - 3),
        StandardOpenOption.APPEND);
    long torn = Files.size(journal());
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(1L, 2L, 3L);
    assertThat(Files.size(journal())).isLessThan(torn);
    store.append(entry(id, 0));
    store.close();
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aLastRecordWithABadChecksumIsATornTail() throws Exception {
    byte[] id = meetingWith(3);
    store.close();
    long size = Files.size(journal());
    try (var channel = java.nio.channels.FileChannel.open(journal(), StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x55}), size - 2);
    }
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(1L, 2L);
  }

  @Test
  void corruptionBeforeTheTailDoesNotOpen() throws Exception {
    meetingWith(5);
    store.close();
    byte[] bytes = Files.readAllBytes(journal());
    bytes[bytes.length / 3] ^= 0x40;
    Files.write(journal(), bytes);
    store = null;
    assertThatThrownBy(() -> FileLogStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessageContaining("corrupt");
    // the lock is released when opening fails
    Files.write(journal(), new byte[0]);
    store = FileLogStore.open(dir);
  }

  @Test
  void aFileOfAnotherFormatDoesNotOpen() throws Exception {
    store.close();
    store = null;
    Files.write(journal(), "not a journal at all".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> FileLogStore.open(dir)).isInstanceOf(StoreException.class);
  }

  @Test
  void aDroppedMeetingLeavesTheDiskAndSoDoCompactedEntries() throws Exception {
    byte[] id = meetingWith(0);
    store.append(AppendRequest.entry(id, new byte[0], new byte[1], 0,
        s -> "SECRET-MARKER-1".getBytes(StandardCharsets.UTF_8), null, false));
    store.append(entry(id, 0));
    byte[] other = meetingWith(0);
    store.append(AppendRequest.entry(other, new byte[0], new byte[1], 0,
        s -> "SECRET-MARKER-2".getBytes(StandardCharsets.UTF_8), null, false));
    store.compact(id, 2);
    assertThat(contains("SECRET-MARKER-1")).as("a small journal is not rewritten").isTrue();
    assertThat(contains("SECRET-MARKER-2")).isTrue();
    store.drop(other);
    assertThat(contains("SECRET-MARKER-1")).isFalse();
    assertThat(contains("SECRET-MARKER-2")).isFalse();
    assertThat(Files.exists(dir.resolve(FileLogStore.JOURNAL + ".tmp"))).isFalse();
    store.append(entry(id, 0));
    store.close();
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(2L, 3L);
    assertThat(store.head(other)).isEmpty();
  }

  @Test
  void aJournalThatDoubledIsRewrittenOnCompaction() throws Exception {
    byte[] id = meetingWith(0);
    byte[] big = new byte[4096];
    while (Files.size(journal()) < 2 * JournalFile.MIN_REWRITE) {
      store.append(AppendRequest.entry(id, new byte[0], new byte[1], 0, s -> big, null, false));
    }
    long next = store.head(id).orElseThrow().nextSequence();
    store.compact(id, next - 1);
    assertThat(Files.size(journal())).isLessThan(64 * 1024);
    store.close();
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(next - 1);
  }

  private boolean contains(String marker) throws Exception {
    return new String(Files.readAllBytes(journal()), StandardCharsets.ISO_8859_1)
        .contains(marker);
  }

  @Test
  void aLeftoverRewriteIsIgnored() throws Exception {
    byte[] id = meetingWith(2);
    store.close();
    Files.write(dir.resolve(FileLogStore.JOURNAL + ".tmp"), new byte[] {1, 2, 3});
    store = FileLogStore.open(dir);
    assertThat(sequencesOf(id)).containsExactly(1L, 2L);
  }

  @Test
  void aSecondStoreInTheSameDirectoryIsRefused() throws Exception {
    assertThatThrownBy(() -> FileLogStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessageContaining("in use");
    store.close();
    store = FileLogStore.open(dir);
  }

  private Process child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FileStoreChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void anotherProcessCannotOpenTheDirectory() throws Exception {
    Process other = child("hold", dir.toString());
    try {
      String line = new BufferedReader(new InputStreamReader(other.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertThat(line).isEqualTo("locked");
    } finally {
      other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    store.close();
    store = null;
    Process holder = child("hold", dir.toString());
    try {
      String line = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertThat(line).isEqualTo("open");
      assertThatThrownBy(() -> FileLogStore.open(dir)).isInstanceOf(StoreException.class);
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    store = FileLogStore.open(dir);
  }

  @Test
  void everyAcknowledgedAppendSurvivesAKill() throws Exception {
    byte[] id = meetingWith(0);
    store.close();
    store = null;
    Process writer = child("append", dir.toString(), java.util.HexFormat.of().formatHex(id));
    long acknowledged = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("open");
      while (acknowledged < 200) {
        acknowledged = Long.parseLong(out.readLine());
      }
      writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    store = FileLogStore.open(dir);
    List<Long> kept = sequencesOf(id);
    assertThat(kept.size()).isGreaterThanOrEqualTo((int) acknowledged);
    assertThat(kept).isEqualTo(java.util.stream.LongStream.rangeClosed(1, kept.size())
        .boxed().toList());
    assertThat(store.read(id, acknowledged, 1).get(0).bytes())
        .isEqualTo(("entry@" + acknowledged).getBytes(StandardCharsets.UTF_8));
  }
}
