package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code SenderDataAAD} of RFC 9420 §6.3.2: the AEAD associated data of the sender data encryption.
 *
 * @param groupId the group id (copied in and out)
 * @param epoch the epoch (uint64, unsigned)
 * @param contentType the content type
 */
public record SenderDataAad(byte[] groupId, long epoch, ContentType contentType) implements MlsStruct {

  /** Copies the group id and checks for null. */
  public SenderDataAad {
    groupId = Wire.copy(groupId, "groupId");
    Wire.require(contentType, "contentType");
  }

  /** A copy of the group id. */
  @Override
  public byte[] groupId() {
    return groupId.clone();
  }

  /** Reads one {@code SenderDataAAD}. */
  public static SenderDataAad decode(TlsReader reader) throws DecodeException {
    byte[] groupId = reader.readOpaque();
    long epoch = reader.readUint64();
    return new SenderDataAad(groupId, epoch, ContentType.decode(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(groupId);
    writer.writeUint64(epoch);
    contentType.encode(writer);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SenderDataAad
        && Wire.sameEncoding(this, (SenderDataAad) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
