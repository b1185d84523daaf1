package dev.sealmeet.ds.file;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MeetingHead;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.StoredAnswer;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The embedded store, the server's default: durable across restarts with no setup, in one
 * directory. Its state lives in memory (a {@link MemoryLogStore}, which decides every rule) and
 * every change is first appended to a journal and forced to the disk ({@link JournalFile}); at
 * open the journal is replayed. A dropped meeting rewrites the journal, so its entries leave the
 * disk; so does a compaction once the journal doubled since its last rewrite. A lock file keeps a second process (or a second store in this one) out of the
 * directory. One node only: for several nodes, use the PostgreSQL store.
 *
 * <pre>
 * dir/lock         held (an OS file lock) while the store is open
 * dir/journal      "SMDSJRN1" then framed StoreChange records
 * dir/journal.tmp  a rewrite in progress (ignored at open)
 * </pre>
 */
public final class FileLogStore implements LogStore {
  static final String JOURNAL = "journal";
  static final String LOCK = "lock";

  private final MemoryLogStore state;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private FileLogStore(MemoryLogStore state, FileChannel lockChannel, FileLock lock) {
    this.state = state;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the store in {@code dir} (created if missing), replaying its journal.
   *
   * @throws StoreException if the directory is in use by another store, cannot be read, or
   *     its journal is corrupt before its tail
   */
  public static FileLogStore open(Path dir) throws StoreException {
    FileChannel lockChannel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreException("the store's directory is in use by another store");
      }
      Files.deleteIfExists(dir.resolve(JOURNAL + ".tmp"));
      JournalFile.Opened opened = JournalFile.open(dir, JOURNAL);
      MemoryLogStore state;
      try {
        state = MemoryLogStore.replaying(opened.changes(), opened.journal());
      } catch (StoreException e) {
        opened.journal().close();
        throw e;
      }
      return new FileLogStore(state, lockChannel, lock);
    } catch (IOException | StoreException | RuntimeException e) {
      closeQuietly(lockChannel);
      if (e instanceof StoreException s) {
        throw s;
      }
      throw new StoreException("the store's directory cannot be opened", e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing releases the lock; nothing else to do
      }
    }
  }

  @Override
  public byte[] serverIdentity(Supplier<byte[]> create) throws StoreException {
    return state.serverIdentity(create);
  }

  @Override
  public boolean createMeeting(byte[] meetingId, long epoch, byte[] groupInfo, String opener)
      throws StoreException {
    return state.createMeeting(meetingId, epoch, groupInfo, opener);
  }

  @Override
  public Optional<MeetingHead> head(byte[] meetingId) throws StoreException {
    return state.head(meetingId);
  }

  @Override
  public Optional<StoredAnswer> answer(byte[] meetingId, byte[] submitId) throws StoreException {
    return state.answer(meetingId, submitId);
  }

  @Override
  public AppendOutcome append(AppendRequest request) throws StoreException {
    return state.append(request);
  }

  @Override
  public List<SequencedEnvelope> read(byte[] meetingId, long fromSequence, int limit)
      throws StoreException {
    return state.read(meetingId, fromSequence, limit);
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws StoreException {
    state.publishKeyPackage(meetingId, entry);
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws StoreException {
    return state.claimKeyPackage(meetingId, account);
  }

  @Override
  public boolean knock(byte[] meetingId, String account, int max) throws StoreException {
    return state.knock(meetingId, account, max);
  }

  @Override
  public List<String> knocks(byte[] meetingId, int from) throws StoreException {
    return state.knocks(meetingId, from);
  }

  @Override
  public boolean isReader(byte[] meetingId, String account) throws StoreException {
    return state.isReader(meetingId, account);
  }

  @Override
  public void compact(byte[] meetingId, long belowSequence) throws StoreException {
    state.compact(meetingId, belowSequence);
  }

  @Override
  public void drop(byte[] meetingId) throws StoreException {
    state.drop(meetingId);
  }

  @Override
  public AutoCloseable onAppend(Consumer<byte[]> listener) {
    return state.onAppend(listener);
  }

  /** Closes the journal and releases the directory. Idempotent. */
  @Override
  public void close() throws StoreException {
    try {
      state.close();
    } finally {
      try {
        if (lock.isValid()) {
          lock.release();
        }
      } catch (IOException ignored) {
        // closing the channel releases it too
      }
      closeQuietly(lockChannel);
    }
  }

  /** No path: it may name a user. */
  @Override
  public String toString() {
    return "FileLogStore";
  }
}
