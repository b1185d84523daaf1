package dev.sealmeet.store;

import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link MeetingStore} of plain files: one file per record, replaced atomically and durably
 * (written to a temporary file, forced, renamed over the old one, directory forced), so a crash
 * at any point leaves the old record or the new one. The bytes are stored <b>as given</b>: wrap
 * this store in a {@link SealedStore} (or use {@link EmbeddedStore}) unless the directory is
 * already protected some other way.
 *
 * <pre>
 * stateDir/&lt;member&gt;/&lt;key&gt;.rec    the record (FileFormat: magic, format, key digest, version,
 *                              length, bytes, CRC)
 * markDir/&lt;member&gt;/&lt;key&gt;.mark   the newest version written, written after the record
 * </pre>
 *
 * <p>{@code member} is the hex SHA-256 of the meeting id and account, {@code key} that of the whole
 * {@link StateKey} (length-prefixed), so any account string gives a fixed-length, safe name and no
 * name shows an account or a meeting id. A file copied over another record's name is refused. A
 * key whose account or name is not well-formed Unicode (a lone surrogate) is refused with an
 * {@link IllegalArgumentException}: it has no UTF-8 form to tell it from another.
 *
 * <p>Rollback: the newest version of each record is also kept in {@code markDir}. Kept in another
 * directory (another volume, or beside the sealing key as {@link EmbeddedStore} does), it makes
 * an older copy of a record put back in {@code stateDir} visible: {@link #read} returns it, and
 * {@link #newestVersion} is greater. A crash between a record and its mark leaves the record one
 * version ahead; {@link #newestVersion} is the greater of the two, so that is accepted.
 *
 * <p>Safe for concurrent use by many threads (media threads write {@code MEDIA_MARKS} while the
 * control thread writes {@code MEETING}); writes of one record are serialized. One store per
 * directory: two stores or two processes writing one directory are not coordinated.
 */
public final class DirectoryStore implements MeetingStore {
  private static final String RECORD_SUFFIX = ".rec";
  private static final String MARK_SUFFIX = ".mark";
  private static final int STRIPES = 32;

  private final Path stateDir;
  private final Path markDir;
  /** Writers share it; {@link #erase} takes it alone. */
  private final ReadWriteLock eraseLock = new ReentrantReadWriteLock();
  /** Serializes the writes of one record (chosen by its key digest). */
  private final Object[] stripes = new Object[STRIPES];

  private DirectoryStore(Path stateDir, Path markDir) {
    this.stateDir = stateDir;
    this.markDir = markDir;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Opens (creating if needed) a store whose marks live beside its records. Rollback of a record
   * file is then not detectable by this store alone: prefer {@link #open(Path, Path)}.
   *
   * @throws StorageException if the directory cannot be created or cleaned
   */
  public static DirectoryStore open(Path stateDir) throws StorageException {
    return open(stateDir, stateDir);
  }

  /**
   * Opens (creating if needed) a store of records in {@code stateDir} and newest-version marks in
   * {@code markDir} (which may be the same directory), and deletes the temporary files an
   * interrupted write left behind.
   *
   * @throws StorageException if a directory cannot be created or cleaned
   */
  public static DirectoryStore open(Path stateDir, Path markDir) throws StorageException {
    Path state = stateDir.toAbsolutePath().normalize();
    Path marks = markDir.toAbsolutePath().normalize();
    try {
      for (Path dir : new Path[] {state, marks}) {
        Files.createDirectories(dir.getParent());
        AtomicFiles.createDirectory(dir);
        AtomicFiles.deleteTempFiles(dir);
        try (DirectoryStream<Path> members = Files.newDirectoryStream(dir, Files::isDirectory)) {
          for (Path member : members) {
            AtomicFiles.deleteTempFiles(member);
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot open the state directory " + state, e);
    }
    return new DirectoryStore(state, marks);
  }

  /**
   * {@inheritDoc}
   *
   * @throws StorageException also if {@code record}'s version is not greater than the newest one
   *     written under its key (the meeting's versions must grow), or the record is larger than
   *     256 MiB
   */
  @Override
  public void write(StateRecord record) throws StorageException {
    StateKey key = record.key();
    byte[] bytes = record.bytes();
    if (bytes.length > FileFormat.MAX_RECORD_BYTES) {
      throw new StorageException("record " + key.name() + " has " + bytes.length
          + " bytes, more than " + FileFormat.MAX_RECORD_BYTES);
    }
    byte[] digest = FileFormat.keyDigest(key);
    eraseLock.readLock().lock();
    try {
      synchronized (stripes[Math.floorMod(Arrays.hashCode(digest), STRIPES)]) {
        long newest = readableNewest(key);
        if (record.version() <= newest) {
          throw new StorageException("version " + record.version() + " of " + key.name()
              + " is not newer than version " + newest + ", already written");
        }
        String member = FileFormat.memberDirectory(key.meetingId(), key.account());
        String name = FileFormat.hex(digest);
        write(stateDir, member, name + RECORD_SUFFIX,
            FileFormat.encodeRecord(digest, record.version(), bytes), key);
        write(markDir, member, name + MARK_SUFFIX,
            FileFormat.encodeMark(digest, record.version()), key);
      }
    } finally {
      eraseLock.readLock().unlock();
    }
  }

  private static void write(Path root, String member, String file, byte[] content, StateKey key)
      throws StorageException {
    Path dir = root.resolve(member);
    try {
      AtomicFiles.createDirectory(dir);
      AtomicFiles.write(dir.resolve(file), content);
    } catch (IOException e) {
      throw new StorageException("cannot write " + key.name() + " to " + dir, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns the record as it is on disk, even if {@link #newestVersion} is greater: telling a
   * rollback apart is the caller's decision.
   */
  @Override
  public Optional<StateRecord> read(StateKey key) throws StorageException {
    Optional<byte[]> file = readFile(recordPath(key), key);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(FileFormat.parseRecord(file.get(), key));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The greater of the mark and the version of the record on disk (a crash between writing a
   * record and its mark leaves the record ahead).
   *
   * @throws StorageException if the mark or the record is damaged
   */
  @Override
  public long newestVersion(StateKey key) throws StorageException {
    long mark = 0;
    Optional<byte[]> file = readFile(markPath(key), key);
    if (file.isPresent()) {
      mark = FileFormat.parseMark(file.get(), key);
    }
    long record = read(key).map(StateRecord::version).orElse(0L);
    return Math.max(mark, record);
  }

  /** The newest version, counting a damaged mark or record as absent: a write replaces them. */
  private long readableNewest(StateKey key) {
    long newest = 0;
    try {
      Optional<byte[]> mark = readFile(markPath(key), key);
      if (mark.isPresent()) {
        newest = FileFormat.parseMark(mark.get(), key);
      }
    } catch (StorageException damaged) {
      // replaced by this write's mark
    }
    try {
      newest = Math.max(newest, read(key).map(StateRecord::version).orElse(0L));
    } catch (StorageException damaged) {
      // replaced by this write's record
    }
    return newest;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Deletes the member's record files; the marks stay, so an old copy put back is still older
   * than {@link #newestVersion}, and a member that comes back must continue above them.
   */
  @Override
  public void erase(byte[] meetingId, String account) throws StorageException {
    Path dir = stateDir.resolve(FileFormat.memberDirectory(meetingId, account));
    eraseLock.writeLock().lock();
    try (DirectoryStream<Path> records = Files.newDirectoryStream(dir, "*" + RECORD_SUFFIX)) {
      for (Path record : records) {
        Files.delete(record);
      }
      AtomicFiles.syncDirectory(dir);
      if (!markDir.equals(stateDir)) {
        AtomicFiles.deleteTempFiles(dir);
        AtomicFiles.delete(dir);
      }
    } catch (NoSuchFileException nothing) {
      // no record was ever written
    } catch (IOException e) {
      throw new StorageException("cannot erase the records in " + dir, e);
    } finally {
      eraseLock.writeLock().unlock();
    }
  }

  Path recordPath(StateKey key) {
    return stateDir.resolve(FileFormat.memberDirectory(key.meetingId(), key.account()))
        .resolve(FileFormat.hex(FileFormat.keyDigest(key)) + RECORD_SUFFIX);
  }

  Path markPath(StateKey key) {
    return markDir.resolve(FileFormat.memberDirectory(key.meetingId(), key.account()))
        .resolve(FileFormat.hex(FileFormat.keyDigest(key)) + MARK_SUFFIX);
  }

  private static Optional<byte[]> readFile(Path path, StateKey key) throws StorageException {
    try {
      long size = Files.size(path);
      if (size > FileFormat.MAX_RECORD_BYTES + FileFormat.RECORD_OVERHEAD) {
        throw new StorageException("the file of " + key.name() + " has " + size
            + " bytes, more than any record: " + path);
      }
      return Optional.of(Files.readAllBytes(path));
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("cannot read " + path, e);
    }
  }

  /** The directories, never a record. */
  @Override
  public String toString() {
    return "DirectoryStore[" + stateDir + (markDir.equals(stateDir) ? "" : ", marks " + markDir)
        + "]";
  }
}
