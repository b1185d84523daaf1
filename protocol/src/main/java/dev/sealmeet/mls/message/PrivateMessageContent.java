package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PrivateMessageContent} of RFC 9420 §6.3.1: the plaintext of a {@link PrivateMessage}, i.e.
 * the content, its auth data and zero padding. Decoding takes every remaining byte as padding and
 * rejects any non-zero padding byte.
 *
 * @param content the application data, proposal or commit
 * @param auth its signature and, for commits, confirmation tag
 * @param paddingLength the number of zero bytes after the auth data
 */
public record PrivateMessageContent(
    MessageContent content, FramedContentAuthData auth, int paddingLength) implements MlsStruct {

  /** Checks the auth shape and the padding length. */
  public PrivateMessageContent {
    Wire.require(content, "content");
    Wire.require(auth, "auth");
    FramedContentAuthData.requireFits(auth, content.contentType());
    if (paddingLength < 0) {
      throw new IllegalArgumentException("negative padding length " + paddingLength);
    }
  }

  /** The content type of {@link #content()}. */
  public ContentType contentType() {
    return content.contentType();
  }

  /**
   * Reads the content of type {@code type}, its auth data, then the rest of {@code reader} as
   * padding.
   *
   * @throws DecodeException if a padding byte is not zero (RFC 9420 §6.3.1) or the content is
   *     malformed
   */
  public static PrivateMessageContent decode(TlsReader reader, ContentType type)
      throws DecodeException {
    MessageContent content = MessageContent.decode(reader, type);
    FramedContentAuthData auth = FramedContentAuthData.decode(reader, type);
    int padding = reader.remaining();
    while (!reader.isEmpty()) {
      int at = reader.offset();
      if (reader.readUint8() != 0) {
        throw new DecodeException("non-zero padding byte at offset " + at);
      }
    }
    return new PrivateMessageContent(content, auth, padding);
  }

  /** Decodes a whole decrypted plaintext of content type {@code type}. */
  public static PrivateMessageContent decode(byte[] plaintext, ContentType type)
      throws DecodeException {
    return decode(TlsReader.of(plaintext), type);
  }

  @Override
  public void encode(TlsWriter writer) {
    content.encode(writer);
    auth.encode(writer);
    writer.writeBytes(new byte[paddingLength]);
  }

  /** Prints the shape only: the content is plaintext. */
  @Override
  public String toString() {
    return "PrivateMessageContent[" + contentType() + ", padding " + paddingLength + "]";
  }
}
