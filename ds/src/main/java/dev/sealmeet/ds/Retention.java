package dev.sealmeet.ds;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a meeting's log may lose: the readers' positions this node has seen (a fetch or a
 * subscription from a sequence number says the reader has everything before it; a push does not,
 * as it may be lost with its connection), the lobby guests' knocks and a meeting's end. A log is compacted
 * below the smallest next sequence number of all current members and of the guests that knocked
 * within the knock window; a member whose position this node has not seen holds back everything
 * (after a restart, until it reads again). An ended meeting is dropped once its end was handed to
 * every current member, or after the end grace, unless entries were ordered after its end. Positions are per account: the last one reported.
 * Thread-safe.
 */
final class Retention {
  private final Duration knockWindow;
  private final Duration endGrace;
  private final Map<String, Marks> meetings = new HashMap<>();

  /** The decision for one meeting. */
  sealed interface Verdict {
    /** Drop the log below {@code sequence} (1: keep everything). */
    record CompactBelow(long sequence) implements Verdict {}

    /** Drop the meeting. */
    record Drop() implements Verdict {}
  }

  private record Knock(Instant at, long position) {}

  /** One meeting's marks. */
  private static final class Marks {
    final Map<String, Long> positions = new HashMap<>();
    final Map<String, Long> delivered = new HashMap<>();
    final Map<String, Knock> knocks = new HashMap<>();
    long endSequence;
    Instant endedAt;
  }

  Retention(Duration knockWindow, Duration endGrace) {
    this.knockWindow = knockWindow;
    this.endGrace = endGrace;
  }

  private Marks marks(byte[] meetingId) {
    return meetings.computeIfAbsent(StoreState.key(meetingId), k -> new Marks());
  }

  /** {@code account} has read everything below {@code nextSequence}. */
  synchronized void noteRead(byte[] meetingId, String account, long nextSequence) {
    marks(meetingId).positions.put(account, nextSequence);
  }

  /**
   * Entries below {@code nextSequence} were handed to {@code account} (fetched or pushed): enough
   * to drop an ended meeting (a reader that lost its end finds no meeting, which says as much),
   * never to compact a running one.
   */
  synchronized void noteDelivered(byte[] meetingId, String account, long nextSequence) {
    marks(meetingId).delivered.merge(account, nextSequence, Math::max);
  }

  /** {@code account} knocked when the log's next sequence was {@code position}. */
  synchronized void noteKnock(byte[] meetingId, String account, long position, Instant at) {
    marks(meetingId).knocks.put(account, new Knock(at, position));
  }

  /** An end message was accepted at {@code sequence} (the grace runs from the first). */
  synchronized void noteEnded(byte[] meetingId, long sequence, Instant at) {
    Marks marks = marks(meetingId);
    if (marks.endedAt == null) {
      marks.endedAt = at;
    }
    marks.endSequence = Math.max(marks.endSequence, sequence);
  }

  /** The meetings this node has marks of. */
  synchronized List<byte[]> meetings() {
    return meetings.keySet().stream().map(java.util.HexFormat.of()::parseHex).toList();
  }

  /** Forgets a dropped meeting. */
  synchronized void forget(byte[] meetingId) {
    meetings.remove(StoreState.key(meetingId));
  }

  /**
   * What to do with a meeting at {@code head} whose current members' accounts are {@code
   * members} and whose lobby holds {@code knocked} (knocks this node did not see count as made
   * now, holding back everything).
   */
  synchronized Verdict decide(byte[] meetingId, MeetingHead head, Set<String> members,
      Collection<String> knocked, Instant now) {
    Marks marks = marks(meetingId);
    if (head.ended() && marks.endedAt == null) {
      noteEnded(meetingId, head.nextSequence() - 1, now); // ended before this node saw it
    }
    // The server cannot read who sent an end (an encrypted application message): entries ordered
    // after it show that members went on, having rejected it, so the meeting stays.
    if (head.ended() && head.nextSequence() - 1 == marks.endSequence) {
      boolean allRead = members.stream().allMatch(m -> Math.max(position(marks, m),
          marks.delivered.getOrDefault(m, 1L)) > marks.endSequence);
      if (allRead || !now.isBefore(marks.endedAt.plus(endGrace))) {
        return new Verdict.Drop();
      }
    }
    long below = head.nextSequence();
    for (String member : members) {
      below = Math.min(below, position(marks, member));
    }
    for (String guest : knocked) {
      Knock knock = marks.knocks.computeIfAbsent(guest, g -> new Knock(now, 1));
      if (!members.contains(guest) && now.isBefore(knock.at().plus(knockWindow))) {
        below = Math.min(below, Math.max(knock.position(), position(marks, guest)));
      }
    }
    return new Verdict.CompactBelow(Math.max(1, below));
  }

  private static long position(Marks marks, String account) {
    return marks.positions.getOrDefault(account, 1L);
  }

  /** Counts only. */
  @Override
  public synchronized String toString() {
    return "Retention[" + meetings.size() + " meetings]";
  }
}
