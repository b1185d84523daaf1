package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Optional;

/**
 * {@code FramedContentTBS} of RFC 9420 §6.1: what a message signature covers. The group context is
 * present exactly when the sender is a member or a new member committing.
 *
 * @param version the {@code ProtocolVersion} (uint16; {@link ProtocolVersion#MLS10})
 * @param wireFormat the wire format the content travels in
 * @param content the framed content
 * @param context the group context, for member and new-member-commit senders only
 */
public record FramedContentTbs(
    int version, WireFormat wireFormat, FramedContent content, Optional<GroupContext> context)
    implements MlsStruct {

  /** Checks that the context is present exactly when the sender type requires it. */
  public FramedContentTbs {
    Wire.uint16(version, "version");
    Wire.require(wireFormat, "wireFormat");
    Wire.require(content, "content");
    Wire.require(context, "context");
    if (context.isPresent() != needsContext(content.sender().senderType())) {
      throw new IllegalArgumentException(
          "group context must be present exactly for member and new_member_commit senders, sender is "
              + content.sender().senderType());
    }
  }

  /**
   * The TBS for {@code content} in {@code wireFormat} under version mls10, including
   * {@code context} only when the sender type calls for it.
   *
   * @param context the current group context (may be null for external and new-member-proposal
   *     senders)
   */
  public static FramedContentTbs of(
      WireFormat wireFormat, FramedContent content, GroupContext context) {
    boolean needs = needsContext(content.sender().senderType());
    return new FramedContentTbs(ProtocolVersion.MLS10, wireFormat, content,
        needs ? Optional.of(Wire.require(context, "context")) : Optional.empty());
  }

  /** Whether a sender of {@code type} signs over the group context (RFC 9420 §6.1). */
  public static boolean needsContext(SenderType type) {
    return type == SenderType.MEMBER || type == SenderType.NEW_MEMBER_COMMIT;
  }

  /** Reads one {@code FramedContentTBS}. */
  public static FramedContentTbs decode(TlsReader reader) throws DecodeException {
    int version = reader.readUint16();
    WireFormat wireFormat = WireFormat.decode(reader);
    FramedContent content = FramedContent.decode(reader);
    Optional<GroupContext> context = needsContext(content.sender().senderType())
        ? Optional.of(GroupContext.decode(reader))
        : Optional.empty();
    return new FramedContentTbs(version, wireFormat, content, context);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(version);
    wireFormat.encode(writer);
    content.encode(writer);
    context.ifPresent(c -> c.encode(writer));
  }
}
