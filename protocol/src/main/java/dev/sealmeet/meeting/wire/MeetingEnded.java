package dev.sealmeet.meeting.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code MeetingEnded} of {@code meeting.proto}: a host ended the meeting, in an MLS application
 * message (a PrivateMessage).
 *
 * @param epoch the epoch the end was sent in
 * @param mlsMessage the MLSMessage (copied in and out)
 */
public record MeetingEnded(long epoch, byte[] mlsMessage) implements Envelope.Body {
  private static final int EPOCH = 1;
  private static final int MLS_MESSAGE = 2;

  /** Copies the message. */
  public MeetingEnded {
    mlsMessage = Envelope.copy(mlsMessage);
  }

  /** Its fields to read into, by field number. */
  static ProtoFields fields() {
    return new ProtoFields(ProtoFields.VARINT, ProtoFields.BYTES);
  }

  /** The value of fields read. */
  static MeetingEnded of(ProtoFields f) {
    return new MeetingEnded(f.varint(EPOCH), f.bytes(MLS_MESSAGE));
  }

  /** A copy of the MLSMessage. */
  @Override
  public byte[] mlsMessage() {
    return mlsMessage.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.varintField(EPOCH, epoch);
    out.bytesField(MLS_MESSAGE, mlsMessage);
  }

  /** Equal fields, the message by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MeetingEnded m && epoch == m.epoch
        && Arrays.equals(mlsMessage, m.mlsMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, Arrays.hashCode(mlsMessage));
  }

  /** Epoch and length only. */
  @Override
  public String toString() {
    return "MeetingEnded[epoch=" + epoch + ", mlsMessage=" + mlsMessage.length + " bytes]";
  }
}
