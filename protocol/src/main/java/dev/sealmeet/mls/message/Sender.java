package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Sender} of RFC 9420 §6: a member (leaf index), an external sender (index into the
 * {@code external_senders} extension), or a new member (by proposal or by commit).
 *
 * @param senderType who sent the message
 * @param index the leaf index for a member, the sender index for an external sender (uint32 each),
 *     0 otherwise
 */
public record Sender(SenderType senderType, long index) implements MlsStruct {

  /** Checks the type and the index. */
  public Sender {
    Wire.require(senderType, "senderType");
    Wire.uint32(index, "index");
    if (!hasIndex(senderType) && index != 0) {
      throw new IllegalArgumentException(senderType + " sender carries no index, got " + index);
    }
  }

  /** A member sender at {@code leafIndex}. */
  public static Sender member(long leafIndex) {
    return new Sender(SenderType.MEMBER, leafIndex);
  }

  /** An external sender at {@code senderIndex} of the {@code external_senders} extension. */
  public static Sender external(long senderIndex) {
    return new Sender(SenderType.EXTERNAL, senderIndex);
  }

  /** A new member sending a proposal (RFC 9420 §12.1.8). */
  public static Sender newMemberProposal() {
    return new Sender(SenderType.NEW_MEMBER_PROPOSAL, 0);
  }

  /** A new member sending an external commit (RFC 9420 §12.4.3.2). */
  public static Sender newMemberCommit() {
    return new Sender(SenderType.NEW_MEMBER_COMMIT, 0);
  }

  /**
   * The member's leaf index.
   *
   * @throws IllegalStateException if the sender is not a member
   */
  public long leafIndex() {
    if (senderType != SenderType.MEMBER) {
      throw new IllegalStateException("sender is " + senderType + ", not a member");
    }
    return index;
  }

  private static boolean hasIndex(SenderType type) {
    return type == SenderType.MEMBER || type == SenderType.EXTERNAL;
  }

  /** Reads one {@code Sender}. */
  public static Sender decode(TlsReader reader) throws DecodeException {
    SenderType type = SenderType.decode(reader);
    return new Sender(type, hasIndex(type) ? reader.readUint32() : 0);
  }

  @Override
  public void encode(TlsWriter writer) {
    senderType.encode(writer);
    if (hasIndex(senderType)) {
      writer.writeUint32(index);
    }
  }
}
