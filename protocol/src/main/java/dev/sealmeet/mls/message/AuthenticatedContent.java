package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code AuthenticatedContent} of RFC 9420 §6.1, with the byte strings derived from it that the
 * signature, membership tag (§6.2) and transcript hashes (§8.2) are computed over.
 *
 * @param wireFormat the wire format the content travels in
 * @param content the framed content
 * @param auth its signature and, for commits, confirmation tag
 */
public record AuthenticatedContent(
    WireFormat wireFormat, FramedContent content, FramedContentAuthData auth)
    implements MlsStruct {

  /** Checks that the auth data fits the content type. */
  public AuthenticatedContent {
    Wire.require(wireFormat, "wireFormat");
    Wire.require(content, "content");
    Wire.require(auth, "auth");
    FramedContentAuthData.requireFits(auth, content.contentType());
  }

  /** Reads one {@code AuthenticatedContent}. */
  public static AuthenticatedContent decode(TlsReader reader) throws DecodeException {
    WireFormat wireFormat = WireFormat.decode(reader);
    FramedContent content = FramedContent.decode(reader);
    FramedContentAuthData auth = FramedContentAuthData.decode(reader, content.contentType());
    return new AuthenticatedContent(wireFormat, content, auth);
  }

  @Override
  public void encode(TlsWriter writer) {
    wireFormat.encode(writer);
    content.encode(writer);
    auth.encode(writer);
  }

  /**
   * The {@code FramedContentTBS} bytes (RFC 9420 §6.1).
   *
   * @param context the current group context; used only for member and new-member-commit senders
   */
  public byte[] toBeSigned(GroupContext context) {
    return FramedContentTbs.of(wireFormat, content, context).toBytes();
  }

  /**
   * The {@code AuthenticatedContentTBM} bytes the membership tag is computed over (RFC 9420 §6.2):
   * the TBS followed by the auth data.
   */
  public byte[] toBeMaced(GroupContext context) {
    TlsWriter writer = new TlsWriter();
    FramedContentTbs.of(wireFormat, content, context).encode(writer);
    auth.encode(writer);
    return writer.toByteArray();
  }

  /**
   * The {@code ConfirmedTranscriptHashInput} bytes (RFC 9420 §8.2): wire format, content and
   * signature.
   */
  public byte[] confirmedTranscriptHashInput() {
    TlsWriter writer = new TlsWriter();
    wireFormat.encode(writer);
    content.encode(writer);
    writer.writeOpaque(auth.signature());
    return writer.toByteArray();
  }

  /**
   * The {@code InterimTranscriptHashInput} bytes (RFC 9420 §8.2): the confirmation tag.
   *
   * @throws IllegalStateException if this is not a commit
   */
  public byte[] interimTranscriptHashInput() {
    byte[] tag = auth.confirmationTag()
        .orElseThrow(() -> new IllegalStateException("only commits carry a confirmation tag"));
    return new TlsWriter().writeOpaque(tag).toByteArray();
  }
}
