package dev.sealmeet.store;

import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * The child process of {@link CrashAtomicityTest}: opens an {@link EmbeddedStore} and writes
 * forever, a large {@code MEETING} record on one thread and a small {@code MEDIA_MARKS} record on
 * another, each version after the newest the store holds, printing {@code ack <name> <version>}
 * once a write has returned. It is killed with SIGKILL at some point.
 */
public final class CrashWriter {
  static final byte[] MEETING_ID = "crash-meeting".getBytes(StandardCharsets.UTF_8);
  static final List<StateKey> KEYS = List.of(
      new StateKey(MEETING_ID, "alice", StateKey.MEETING),
      new StateKey(MEETING_ID, "alice", StateKey.MEDIA_MARKS));

  private CrashWriter() {}

  /** {@code args[0]}: the state directory. */
  public static void main(String[] args) throws Exception {
    MeetingStore store = EmbeddedStore.open(Path.of(args[0]));
    PrintStream out = System.out;
    out.println("ready");
    out.flush();
    Thread marks = new Thread(() -> writeForever(store, KEYS.get(1), out), "media");
    marks.setDaemon(true);
    marks.start();
    writeForever(store, KEYS.get(0), out);
  }

  private static void writeForever(MeetingStore store, StateKey key, PrintStream out) {
    try {
      for (long version = store.newestVersion(key) + 1; ; version++) {
        store.write(new StateRecord(key, version, content(key, version)));
        synchronized (out) {
          out.println("ack " + key.name() + " " + version);
          out.flush();
        }
      }
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(3);
    }
  }

  /** The bytes of {@code version} of {@code key}: a SHA-256 stream, up to 256 KiB for MEETING. */
  static byte[] content(StateKey key, long version) throws Exception {
    int length = key.name().equals(StateKey.MEETING)
        ? 4096 + (int) (version * 7919 % (256 * 1024)) : 24;
    byte[] bytes = new byte[length];
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int block = 0; block * 32 < length; block++) {
      sha.update(key.name().getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(12).putLong(version).putInt(block).array());
      byte[] digest = sha.digest();
      System.arraycopy(digest, 0, bytes, block * 32, Math.min(32, length - block * 32));
    }
    return bytes;
  }
}
