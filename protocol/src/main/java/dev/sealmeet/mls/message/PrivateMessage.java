package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PrivateMessage} of RFC 9420 §6.3.
 *
 * @param groupId the group id (copied in and out)
 * @param epoch the epoch (uint64, unsigned)
 * @param contentType the type of the encrypted content
 * @param authenticatedData additional authenticated data (copied in and out)
 * @param encryptedSenderData the encrypted {@link SenderData} (copied in and out)
 * @param ciphertext the encrypted {@link PrivateMessageContent} (copied in and out)
 */
public record PrivateMessage(
    byte[] groupId,
    long epoch,
    ContentType contentType,
    byte[] authenticatedData,
    byte[] encryptedSenderData,
    byte[] ciphertext)
    implements MlsMessageBody {

  /** Copies arrays and checks for null. */
  public PrivateMessage {
    groupId = Wire.copy(groupId, "groupId");
    Wire.require(contentType, "contentType");
    authenticatedData = Wire.copy(authenticatedData, "authenticatedData");
    encryptedSenderData = Wire.copy(encryptedSenderData, "encryptedSenderData");
    ciphertext = Wire.copy(ciphertext, "ciphertext");
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

  /** A copy of the encrypted sender data. */
  @Override
  public byte[] encryptedSenderData() {
    return encryptedSenderData.clone();
  }

  /** A copy of the ciphertext. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** The {@code PrivateContentAAD} for the content encryption (RFC 9420 §6.3.1). */
  public PrivateContentAad contentAad() {
    return new PrivateContentAad(groupId, epoch, contentType, authenticatedData);
  }

  /** The {@code SenderDataAAD} for the sender data encryption (RFC 9420 §6.3.2). */
  public SenderDataAad senderDataAad() {
    return new SenderDataAad(groupId, epoch, contentType);
  }

  @Override
  public WireFormat wireFormat() {
    return WireFormat.PRIVATE_MESSAGE;
  }

  /** Reads one {@code PrivateMessage}. */
  public static PrivateMessage decode(TlsReader reader) throws DecodeException {
    byte[] groupId = reader.readOpaque();
    long epoch = reader.readUint64();
    ContentType type = ContentType.decode(reader);
    byte[] aad = reader.readOpaque();
    byte[] senderData = reader.readOpaque();
    return new PrivateMessage(groupId, epoch, type, aad, senderData, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(groupId);
    writer.writeUint64(epoch);
    contentType.encode(writer);
    writer.writeOpaque(authenticatedData);
    writer.writeOpaque(encryptedSenderData);
    writer.writeOpaque(ciphertext);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PrivateMessage
        && Wire.sameEncoding(this, (PrivateMessage) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
