package dev.sealmeet.mls.framing;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.GroupContext;
import java.util.Arrays;

/** The group and epoch a received message must name (RFC 9420 §6, FramedContent). */
final class EpochCheck {
  private EpochCheck() {}

  /**
   * @throws ProtocolException if {@code groupId} or {@code epoch} is not the context's
   */
  static void require(GroupContext context, byte[] groupId, long epoch) throws ProtocolException {
    if (!Arrays.equals(context.groupId(), groupId)) {
      throw new ProtocolException("RFC 9420 §6", "message is for another group (group_id of "
          + groupId.length + " bytes differs from this group's)");
    }
    if (epoch != context.epoch()) {
      throw new ProtocolException("RFC 9420 §6",
          "message is for epoch " + epoch + ", this group is at epoch " + context.epoch());
    }
  }
}
