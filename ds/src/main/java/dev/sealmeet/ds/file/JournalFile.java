package dev.sealmeet.ds.file;

import dev.sealmeet.ds.StoreChange;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.StoreJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The embedded store's journal: a file header, then one framed record per {@link StoreChange},
 * each forced to the disk before {@link #record} returns.
 *
 * <pre>
 * file   = "SMDSJRN1" record*
 * record = length(u32) payloadCrc(u32) headerCrc(u32) payload      (CRC32C, big-endian)
 *          headerCrc = CRC32C(length ‖ payloadCrc)
 * </pre>
 *
 * At open, a bad record followed by no good one is a torn tail (a write that was never
 * acknowledged) and is cut off; a bad record followed by a good one is corruption, and the
 * journal does not open. A rewrite (after a dropped meeting, or a compaction once the journal
 * doubled) writes a temporary file, forces it, renames it over the journal and forces the
 * directory. Not thread-safe: the store's lock guards it.
 */
final class JournalFile implements StoreJournal {
  private static final Logger LOG = Logger.getLogger(JournalFile.class.getName());
  private static final byte[] MAGIC = "SMDSJRN1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int HEADER = 12;
  /** The largest record read back: a bound on what a corrupt length can make us allocate. */
  static final int MAX_RECORD = 64 << 20;

  /** The least journal size a compaction rewrites. */
  static final long MIN_REWRITE = 1 << 20;

  private final Path dir;
  private final Path file;
  private FileChannel channel;
  private long sizeAfterRewrite;
  private boolean broken;

  private JournalFile(Path dir, Path file, FileChannel channel) throws IOException {
    this.dir = dir;
    this.file = file;
    this.channel = channel;
    this.sizeAfterRewrite = channel.size();
  }

  /** A journal opened for appending, with the changes it holds. */
  record Opened(JournalFile journal, List<StoreChange> changes) {}

  /**
   * Opens (or creates) the journal {@code name} in {@code dir}, cutting off a torn tail.
   *
   * @throws StoreException if it cannot be read, or is corrupt before its tail
   */
  static Opened open(Path dir, String name) throws StoreException {
    Path file = dir.resolve(name);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        List<StoreChange> changes = new ArrayList<>();
        if (channel.size() < MAGIC.length) {
          if (channel.size() > 0 && !allZero(read(channel, 0, (int) channel.size()))
              && !isPrefixOfMagic(read(channel, 0, (int) channel.size()))) {
            throw new StoreException("the journal has no valid header");
          }
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(MAGIC), 0);
          channel.force(true);
          forceDirectory(dir);
        } else {
          if (!java.util.Arrays.equals(read(channel, 0, MAGIC.length), MAGIC)) {
            throw new StoreException("the file is not a journal of this format");
          }
          long end = replay(channel, changes);
          if (end < channel.size()) {
            LOG.log(Level.WARNING, "the journal's torn tail was cut off ({0} bytes)",
                channel.size() - end);
            channel.truncate(end);
            channel.force(true);
          }
        }
        channel.position(channel.size());
        return new Opened(new JournalFile(dir, file, channel), changes);
      } catch (StoreException | IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new StoreException("the journal cannot be opened", e);
    }
  }

  private static boolean isPrefixOfMagic(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads the good records into {@code changes}; returns where the good records end. */
  private static long replay(FileChannel channel, List<StoreChange> changes)
      throws IOException, StoreException {
    long size = channel.size();
    long at = MAGIC.length;
    while (at < size) {
      byte[] payload = recordAt(channel, at, size);
      if (payload == null) {
        if (goodRecordAfter(channel, at + 1, size)) {
          throw new StoreException("the journal is corrupt at offset " + at);
        }
        return at;
      }
      try {
        changes.add(StoreChangeCodec.decode(payload));
      } catch (IOException e) {
        throw new StoreException("the journal holds an undecodable record at offset " + at, e);
      }
      at += HEADER + payload.length;
    }
    return at;
  }

  /** The payload of a whole, intact record at {@code at}; null if there is none. */
  private static byte[] recordAt(FileChannel channel, long at, long size) throws IOException {
    if (size - at < HEADER) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(read(channel, at, HEADER));
    int length = header.getInt();
    int payloadCrc = header.getInt();
    int headerCrc = header.getInt();
    if (crc(header.array(), 0, 8) != headerCrc || length < 0 || length > MAX_RECORD
        || size - at - HEADER < length) {
      return null;
    }
    byte[] payload = read(channel, at + HEADER, length);
    return crc(payload, 0, length) == payloadCrc ? payload : null;
  }

  private static boolean goodRecordAfter(FileChannel channel, long from, long size)
      throws IOException {
    for (long at = from; at + HEADER <= size; at++) {
      if (recordAt(channel, at, size) != null) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(FileChannel channel, long at, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, at + buffer.position()) < 0) {
        throw new IOException("the journal ended early");
      }
    }
    return buffer.array();
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** One framed record. */
  static byte[] frame(byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
    out.putInt(payload.length);
    out.putInt(crc(payload, 0, payload.length));
    out.putInt(crc(out.array(), 0, 8));
    out.put(payload);
    return out.array();
  }

  @Override
  public void record(StoreChange change) throws StoreException {
    if (broken) {
      throw new StoreException("the journal failed earlier; reopen the store");
    }
    byte[] framed = frame(StoreChangeCodec.encode(change));
    long before;
    try {
      before = channel.size();
    } catch (IOException e) {
      throw new StoreException("the journal cannot be written", e);
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(framed);
      while (buffer.hasRemaining()) {
        channel.write(buffer, before + buffer.position());
      }
      channel.force(false);
    } catch (IOException e) {
      try {
        channel.truncate(before);
        channel.force(false);
      } catch (IOException again) {
        broken = true;
        e.addSuppressed(again);
      }
      throw new StoreException("the journal cannot be written", e);
    }
  }

  /**
   * Rewrites after a dropped meeting; after a compaction only once the journal is at least
   * {@link #MIN_REWRITE} bytes and twice its size after the last rewrite, so that a busy store
   * does not rewrite everything on each compaction (compacted entries stay on the disk until
   * then).
   */
  @Override
  public void dropped(Supplier<List<StoreChange>> snapshot, boolean meeting)
      throws StoreException {
    long size;
    try {
      size = channel.size();
    } catch (IOException e) {
      throw new StoreException("the journal cannot be read", e);
    }
    if (meeting || (size >= MIN_REWRITE && size >= 2 * sizeAfterRewrite)) {
      rewrite(snapshot.get());
    }
  }

  /** Replaces the journal by {@code snapshot}, atomically. */
  void rewrite(List<StoreChange> snapshot) throws StoreException {
    if (broken) {
      throw new StoreException("the journal failed earlier; reopen the store");
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeFully(out, MAGIC);
        for (StoreChange change : snapshot) {
          writeFully(out, frame(StoreChangeCodec.encode(change)));
        }
        out.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        e.addSuppressed(ignored);
      }
      throw new StoreException("the journal cannot be rewritten", e);
    }
    try {
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      sizeAfterRewrite = channel.size();
    } catch (IOException e) {
      broken = true;
      throw new StoreException("the rewritten journal cannot be reopened", e);
    }
  }

  private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /** Forces a directory's entries (a rename, a new file) to the disk, where the OS allows it. */
  static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.log(Level.FINE, "this platform cannot force a directory", e);
    }
  }

  /** The journal's size in bytes. */
  long size() throws IOException {
    return channel.size();
  }

  @Override
  public void close() throws StoreException {
    try {
      channel.close();
    } catch (IOException e) {
      throw new StoreException("the journal cannot be closed", e);
    }
  }
}
