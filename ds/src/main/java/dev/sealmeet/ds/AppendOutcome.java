package dev.sealmeet.ds;

/** What {@link LogStore#append} did. */
public sealed interface AppendOutcome {
  /** The entry was stored at {@code sequence} (or, for an answer only, the answer recorded: 0). */
  record Appended(long sequence) implements AppendOutcome {}

  /** The submit id had an answer already; nothing was written. */
  record Duplicate(StoredAnswer first) implements AppendOutcome {}

  /** The meeting is at {@code currentEpoch}, not the expected one; nothing was written. */
  record EpochMoved(long currentEpoch) implements AppendOutcome {}

  /** The meeting does not exist (or was dropped); nothing was written. */
  record NoMeeting() implements AppendOutcome {}
}
