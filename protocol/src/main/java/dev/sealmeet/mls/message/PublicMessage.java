package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Optional;

/**
 * {@code PublicMessage} of RFC 9420 §6.2. The membership tag is present exactly for member senders.
 *
 * @param content the framed content
 * @param auth its signature and, for commits, confirmation tag
 * @param membershipTag the membership tag, for member senders only (copied in and out)
 */
public record PublicMessage(
    FramedContent content, FramedContentAuthData auth, Optional<byte[]> membershipTag)
    implements MlsMessageBody {

  /** Checks that the optional fields fit the content type and the sender. */
  public PublicMessage {
    Wire.require(content, "content");
    Wire.require(auth, "auth");
    FramedContentAuthData.requireFits(auth, content.contentType());
    membershipTag = Wire.copy(membershipTag, "membershipTag");
    if (membershipTag.isPresent() != isMember(content.sender())) {
      throw new IllegalArgumentException("membership tag must be present exactly for member senders");
    }
  }

  /** A copy of the membership tag, present for member senders. */
  @Override
  public Optional<byte[]> membershipTag() {
    return membershipTag.map(byte[]::clone);
  }

  /** The content as {@link AuthenticatedContent} with wire format {@code mls_public_message}. */
  public AuthenticatedContent toAuthenticatedContent() {
    return new AuthenticatedContent(WireFormat.PUBLIC_MESSAGE, content, auth);
  }

  private static boolean isMember(Sender sender) {
    return sender.senderType() == SenderType.MEMBER;
  }

  @Override
  public WireFormat wireFormat() {
    return WireFormat.PUBLIC_MESSAGE;
  }

  /** Reads one {@code PublicMessage}. */
  public static PublicMessage decode(TlsReader reader) throws DecodeException {
    FramedContent content = FramedContent.decode(reader);
    FramedContentAuthData auth = FramedContentAuthData.decode(reader, content.contentType());
    Optional<byte[]> tag =
        isMember(content.sender()) ? Optional.of(reader.readOpaque()) : Optional.empty();
    return new PublicMessage(content, auth, tag);
  }

  @Override
  public void encode(TlsWriter writer) {
    content.encode(writer);
    auth.encode(writer);
    membershipTag.ifPresent(writer::writeOpaque);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PublicMessage
        && Wire.sameEncoding(this, (PublicMessage) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
