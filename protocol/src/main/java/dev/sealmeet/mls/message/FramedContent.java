package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code FramedContent} of RFC 9420 §6.
 *
 * @param groupId the group id (copied in and out)
 * @param epoch the epoch (uint64, unsigned)
 * @param sender who sent it
 * @param authenticatedData additional authenticated data (copied in and out)
 * @param content the application data, proposal or commit
 */
public record FramedContent(
    byte[] groupId, long epoch, Sender sender, byte[] authenticatedData, MessageContent content)
    implements MlsStruct {

  /** Copies arrays and checks for null. */
  public FramedContent {
    groupId = Wire.copy(groupId, "groupId");
    Wire.require(sender, "sender");
    authenticatedData = Wire.copy(authenticatedData, "authenticatedData");
    Wire.require(content, "content");
  }

  /** A copy of the group id. */
  @Override
  public byte[] groupId() {
    return groupId.clone();
  }

  /** A copy of the authenticated data. */
  @Override
  public byte[] authenticatedData() {
    return authenticatedData.clone();
  }

  /** The content type of {@link #content()}. */
  public ContentType contentType() {
    return content.contentType();
  }

  /** Reads one {@code FramedContent}. */
  public static FramedContent decode(TlsReader reader) throws DecodeException {
    byte[] groupId = reader.readOpaque();
    long epoch = reader.readUint64();
    Sender sender = Sender.decode(reader);
    byte[] aad = reader.readOpaque();
    ContentType type = ContentType.decode(reader);
    return new FramedContent(groupId, epoch, sender, aad, MessageContent.decode(reader, type));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(groupId);
    writer.writeUint64(epoch);
    sender.encode(writer);
    writer.writeOpaque(authenticatedData);
    content.contentType().encode(writer);
    content.encode(writer);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof FramedContent
        && Wire.sameEncoding(this, (FramedContent) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
