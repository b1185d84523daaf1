package dev.sealmeet.ds.file;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link FileLogStoreTest}: {@code hold DIR} opens the store and waits;
 * {@code append DIR MEETING_HEX} appends entries forever, printing each acknowledged sequence.
 */
public final class FileStoreChild {
  private FileStoreChild() {}

  /** Runs one mode; prints "open" once the store is open, or "locked" if it is in use. */
  public static void main(String[] args) throws Exception {
    LogStore store;
    try {
      store = FileLogStore.open(Path.of(args[1]));
    } catch (dev.sealmeet.ds.StoreException e) {
      System.out.println("locked");
      System.out.flush();
      return;
    }
    System.out.println("open");
    System.out.flush();
    if (args[0].equals("hold")) {
      Thread.sleep(60_000);
      return;
    }
    byte[] meetingId = java.util.HexFormat.of().parseHex(args[2]);
    while (true) {
      AppendOutcome outcome = store.append(AppendRequest.entry(meetingId, new byte[0],
          new byte[1], 0, s -> ("entry@" + s).getBytes(StandardCharsets.UTF_8), null, false));
      System.out.println(((AppendOutcome.Appended) outcome).sequence());
      System.out.flush();
    }
  }
}
