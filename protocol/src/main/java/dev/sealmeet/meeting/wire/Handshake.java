package dev.sealmeet.meeting.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code Handshake} of {@code meeting.proto}: a proposal or commit of one epoch, as an MLSMessage.
 *
 * @param kind {@link #PROPOSAL}, {@link #COMMIT}, or any other value as it came (an open enum)
 * @param epoch the epoch the message was sent in
 * @param mlsMessage the MLSMessage (copied in and out)
 * @param groupInfo for a commit, the committer's GroupInfo of the epoch it starts (copied in and
 *     out); empty otherwise
 */
public record Handshake(int kind, long epoch, byte[] mlsMessage, byte[] groupInfo)
    implements Envelope.Body {
  /** {@code Kind.PROPOSAL}. */
  public static final int PROPOSAL = 1;
  /** {@code Kind.COMMIT}. */
  public static final int COMMIT = 2;

  private static final int KIND = 1;
  private static final int EPOCH = 2;
  private static final int MLS_MESSAGE = 3;
  private static final int GROUP_INFO = 4;

  /** Copies the byte strings. */
  public Handshake {
    mlsMessage = Envelope.copy(mlsMessage);
    groupInfo = Envelope.copy(groupInfo);
  }

  /** Its fields to read into, by field number. */
  static ProtoFields fields() {
    return new ProtoFields(ProtoFields.VARINT, ProtoFields.VARINT, ProtoFields.BYTES,
        ProtoFields.BYTES);
  }

  /** The value of fields read. */
  static Handshake of(ProtoFields f) {
    return new Handshake(f.int32(KIND), f.varint(EPOCH), f.bytes(MLS_MESSAGE), f.bytes(GROUP_INFO));
  }

  /** A copy of the MLSMessage. */
  @Override
  public byte[] mlsMessage() {
    return mlsMessage.clone();
  }

  /** A copy of the GroupInfo. */
  @Override
  public byte[] groupInfo() {
    return groupInfo.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.varintField(KIND, kind);
    out.varintField(EPOCH, epoch);
    out.bytesField(MLS_MESSAGE, mlsMessage);
    out.bytesField(GROUP_INFO, groupInfo);
  }

  /** Equal fields, byte strings by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Handshake h && kind == h.kind && epoch == h.epoch
        && Arrays.equals(mlsMessage, h.mlsMessage) && Arrays.equals(groupInfo, h.groupInfo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, epoch, Arrays.hashCode(mlsMessage), Arrays.hashCode(groupInfo));
  }

  /** Kind, epoch and lengths only. */
  @Override
  public String toString() {
    return "Handshake[kind=" + kind + ", epoch=" + epoch + ", mlsMessage=" + mlsMessage.length
        + " bytes, groupInfo=" + groupInfo.length + " bytes]";
  }
}
