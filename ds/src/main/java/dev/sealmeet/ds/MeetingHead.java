package dev.sealmeet.ds;

import java.util.Objects;

/**
 * A meeting's head in the store: what the server checks the next envelope against.
 *
 * @param epoch the current epoch (the first commit of it moves it on)
 * @param groupInfo the MLSMessage bytes of the GroupInfo of {@code epoch}, with the ratchet tree
 * @param nextSequence the sequence number the next appended entry gets (1 for an empty log)
 * @param ended whether an end message was appended
 */
public record MeetingHead(long epoch, byte[] groupInfo, long nextSequence, boolean ended) {
  /** Checks and copies. */
  public MeetingHead {
    groupInfo = Objects.requireNonNull(groupInfo, "groupInfo").clone();
    if (nextSequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1");
    }
  }

  /** A copy of the GroupInfo bytes. */
  @Override
  public byte[] groupInfo() {
    return groupInfo.clone();
  }

  /** Epoch and sequence only. */
  @Override
  public String toString() {
    return "MeetingHead[epoch " + epoch + ", next " + nextSequence + (ended ? ", ended" : "") + "]";
  }
}
