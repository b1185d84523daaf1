package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.CounterReservation;
import java.util.Map;
import java.util.TreeMap;

/**
 * This member's SFrame send counters' high-water marks, kept in its {@link MeetingStore} (the
 * {@link StateKey#MEDIA_MARKS} record): a CTR is used only once the store holds a mark above it,
 * so a member resumed from any state continues above every CTR it may have used, under every KID
 * (a KID's key and CTR carry on across the 2^E epochs that reuse it). Record: {@code uint16
 * format = 1; { uint64 kid; uint64 mark; }<V>}. Media threads call {@link #reserve}; writes are
 * serialized here so versions grow with the marks.
 */
final class SendCounterMarks implements CounterReservation {
  private static final int FORMAT = 1;
  /** KIDs kept: a member sends under its own leaf, one KID per epoch slot; far above 2^E. */
  private static final int MAX_KIDS = 1 << 16;

  private final VersionedRecord record;
  private final TreeMap<Long, Long> marks;

  private SendCounterMarks(VersionedRecord record, TreeMap<Long, Long> marks) {
    this.record = record;
    this.marks = marks;
  }

  /**
   * The marks saved in {@code record}, or none.
   *
   * @throws StorageException if the record cannot be read or is damaged
   */
  static SendCounterMarks load(VersionedRecord record) throws StorageException {
    TreeMap<Long, Long> marks = new TreeMap<>();
    var saved = record.read();
    if (saved.isPresent()) {
      try {
        TlsReader r = TlsReader.of(saved.get().bytes());
        if (r.readUint16() != FORMAT) {
          throw new DecodeException("unknown format");
        }
        for (long[] e : r.readList(x -> new long[] {x.readUint64(), x.readUint64()})) {
          marks.put(e[0], e[1]);
        }
        r.finish();
      } catch (DecodeException e) {
        throw new StorageException("the saved send counter marks are damaged: " + e.getMessage());
      }
    }
    return new SendCounterMarks(record, marks);
  }

  @Override
  public synchronized long resumeAt(long kid) {
    return marks.getOrDefault(kid, 0L);
  }

  @Override
  public synchronized void reserve(long kid, long mark) {
    Long before = marks.get(kid);
    if (before != null && Long.compareUnsigned(before, mark) >= 0) {
      return;
    }
    if (before == null && marks.size() >= MAX_KIDS) {
      throw new IllegalStateException("more than " + MAX_KIDS + " send KIDs to keep marks for");
    }
    marks.put(kid, mark);
    TlsWriter w = new TlsWriter();
    w.writeUint16(FORMAT);
    w.writeList(marks.entrySet(), (x, e) -> x.writeUint64(e.getKey()).writeUint64(e.getValue()));
    try {
      record.write(w.toByteArray());
    } catch (StorageException e) {
      if (before == null) {
        marks.remove(kid);
      } else {
        marks.put(kid, before);
      }
      throw new IllegalStateException("the store did not take the send counter mark", e);
    }
  }

  /** KID count only. */
  @Override
  public synchronized String toString() {
    return "SendCounterMarks[" + marks.size() + " KIDs]";
  }

  /** For tests: the marks now. */
  synchronized Map<Long, Long> marks() {
    return Map.copyOf(marks);
  }
}
