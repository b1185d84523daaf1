package dev.sealmeet.ds.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.ds.StoreChange;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SubmitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's records round-trip, and a journal that cannot write leaves the state as it was. */
class JournalFileTest {
  @TempDir
  Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyChangeRoundTrips() throws Exception {
    List<StoreChange> changes = List.of(
        new StoreChange.Identity(b("secret")),
        new StoreChange.Head(b("m"), 3, b("gi"), 7, 2, true, "host"),
        new StoreChange.Stored(b("m"), 2, b("entry")),
        new StoreChange.Appended(b("m"), 7, b("entry"), b("id"), b("digest"), b("gi-4"), false),
        new StoreChange.Appended(b("m"), 8, b("entry"), new byte[0], b("digest"), null, true),
        new StoreChange.Answered(b("m"), b("id2"), b("d"), SubmitResult.refused(4, "junk ✓")),
        new StoreChange.Published(b("m"), new KeyPackageEntry("zoë", true, b("kp"))),
        new StoreChange.Claimed(b("m"), "zoë", 3),
        new StoreChange.Knocked(b("m"), "zoë"),
        new StoreChange.Compacted(b("m"), 5),
        new StoreChange.Dropped(b("m")));
    for (StoreChange change : changes) {
      byte[] encoded = StoreChangeCodec.encode(change);
      assertThat(StoreChangeCodec.encode(StoreChangeCodec.decode(encoded))).isEqualTo(encoded);
      byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
      assertThatThrownBy(() -> StoreChangeCodec.decode(longer))
          .isInstanceOf(java.io.IOException.class);
    }
    JournalFile.Opened opened = JournalFile.open(dir, "j");
    for (StoreChange change : changes) {
      opened.journal().record(change);
    }
    opened.journal().close();
    List<StoreChange> replayed = JournalFile.open(dir, "j").changes();
    assertThat(replayed).hasSize(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      assertThat(StoreChangeCodec.encode(replayed.get(i)))
          .isEqualTo(StoreChangeCodec.encode(changes.get(i)));
    }
  }

  @Test
  void aJournalThatCannotWriteChangesNothing() throws Exception {
    JournalFile.Opened opened = JournalFile.open(dir, "j");
    MemoryLogStore store = MemoryLogStore.replaying(opened.changes(), opened.journal());
    byte[] id = b("meeting");
    store.createMeeting(id, 0, b("gi"), "host");
    opened.journal().close(); // every later write fails
    assertThatThrownBy(() -> store.append(AppendRequest.entry(id, b("submit"), b("d"), 0,
        s -> b("entry"), null, false))).isInstanceOf(StoreException.class);
    assertThat(store.head(id).orElseThrow().nextSequence()).isEqualTo(1);
    assertThat(store.answer(id, b("submit"))).isEmpty();
    assertThat(store.read(id, 1, 10)).isEmpty();
    assertThatThrownBy(() -> store.knock(id, "guest", 10)).isInstanceOf(StoreException.class);
    assertThat(store.isReader(id, "guest")).isFalse();
  }
}
