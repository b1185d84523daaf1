package dev.sealmeet.mls.framing;

import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import java.util.Optional;

/**
 * An AuthenticatedContent (RFC 9420 §6) whose protection was removed and whose signature, and
 * membership tag where one applies, verified. Only this package creates it: incoming
 * {@link dev.sealmeet.mls.message.PublicMessage} and {@link
 * dev.sealmeet.mls.message.PrivateMessage}
 * values reach group state through {@link PublicMessageProtection#unprotect} and
 * {@link PrivateMessageProtection#unprotect} alone.
 *
 * <p>The confirmation tag of a commit is carried but not checked here: it needs the next epoch's
 * confirmation key, which only the group state can derive (RFC 9420 §12.4.2).
 */
public final class VerifiedContent {
  private final AuthenticatedContent authenticated;
  /** The PrivateMessage key generation that decrypted it; -1 for a PublicMessage. */
  private final long generation;

  VerifiedContent(AuthenticatedContent authenticated) {
    this(authenticated, -1);
  }

  VerifiedContent(AuthenticatedContent authenticated, long generation) {
    this.authenticated = authenticated;
    this.generation = generation;
  }

  /** The secret-tree generation whose key decrypted this PrivateMessage; -1 for a PublicMessage. */
  long generation() {
    return generation;
  }

  /** The verified AuthenticatedContent, as transcript hashes and proposal refs take it (§8.2). */
  public AuthenticatedContent authenticatedContent() {
    return authenticated;
  }

  /** The FramedContent: group id, epoch, sender, authenticated data and content. */
  public FramedContent framedContent() {
    return authenticated.content();
  }

  /** The content itself (application data, proposal or commit). */
  public MessageContent content() {
    return authenticated.content().content();
  }

  /** The authenticated sender. */
  public Sender sender() {
    return authenticated.content().sender();
  }

  /** The wire format the content arrived in (public or private message). */
  public WireFormat wireFormat() {
    return authenticated.wireFormat();
  }

  /** The content type. */
  public ContentType contentType() {
    return authenticated.content().contentType();
  }

  /** The commit's confirmation tag (copy); empty for proposals and application data. */
  public Optional<byte[]> confirmationTag() {
    return authenticated.auth().confirmationTag();
  }

  /** Wire format, content type, sender and epoch; never application data. */
  @Override
  public String toString() {
    return "VerifiedContent[" + wireFormat() + ", " + contentType() + ", " + sender()
        + ", epoch " + framedContent().epoch() + "]";
  }
}
