package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PrivateContentAAD} of RFC 9420 §6.3.1: the AEAD associated data of the content encryption.
 *
 * @param groupId the group id (copied in and out)
 * @param epoch the epoch (uint64, unsigned)
 * @param contentType the content type
 * @param authenticatedData the message's authenticated data (copied in and out)
 */
public record PrivateContentAad(
    byte[] groupId, long epoch, ContentType contentType, byte[] authenticatedData)
    implements MlsStruct {

  /** Copies arrays and checks for null. */
  public PrivateContentAad {
    groupId = Wire.copy(groupId, "groupId");
    Wire.require(contentType, "contentType");
    authenticatedData = Wire.copy(authenticatedData, "authenticatedData");
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

  /** Reads one {@code PrivateContentAAD}. */
  public static PrivateContentAad decode(TlsReader reader) throws DecodeException {
    byte[] groupId = reader.readOpaque();
    long epoch = reader.readUint64();
    ContentType type = ContentType.decode(reader);
    return new PrivateContentAad(groupId, epoch, type, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(groupId);
    writer.writeUint64(epoch);
    contentType.encode(writer);
    writer.writeOpaque(authenticatedData);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PrivateContentAad
        && Wire.sameEncoding(this, (PrivateContentAad) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
