package dev.sealmeet.mls.framing;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.WireFormat;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * PublicMessage protection for one epoch (RFC 9420 §6.2): content signed over FramedContentTBS
 * (§6.1) and, for member senders, {@code membership_tag = MAC(membership_key,
 * AuthenticatedContentTBM)}.
 *
 * <pre>
 * protect:   FramedContent ─sign─► AuthenticatedContent ─MAC(membership_key)─► PublicMessage
 * unprotect: PublicMessage ─group/epoch─► membership_tag ─► signature ─► VerifiedContent
 * </pre>
 *
 * <p>Holds a copy of the membership key; {@link #destroy} wipes it. Stateless otherwise, so a
 * rejected message changes nothing. Thread-safe except that {@link #destroy} may race with use.
 */
public final class PublicMessageProtection {
  private final MlsSuite suite;
  private final GroupContext context;
  private final Secret membershipKey;

  /**
   * Protection for the epoch described by {@code context}.
   *
   * @param membershipKey the epoch's {@code membership_key}; copied, the caller keeps its holder
   */
  public PublicMessageProtection(MlsSuite suite, GroupContext context, Secret membershipKey) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.context = Objects.requireNonNull(context, "context");
    this.membershipKey = membershipKey.copy();
  }

  /**
   * Signs {@code content} and frames it as a PublicMessage.
   *
   * @param confirmationTag present exactly for commits
   * @throws BadKeyException if the signature key is not a key of the suite's scheme
   * @throws IllegalArgumentException if the content is application data (RFC 9420 §6.2 forbids
   *     it in a PublicMessage) or is not for this group and epoch
   */
  public PublicMessage protect(FramedContent content, byte[] signaturePrivateKey,
      Optional<byte[]> confirmationTag) throws BadKeyException {
    requireHandshake(content);
    return protect(ContentSignatures.signed(suite, context, WireFormat.PUBLIC_MESSAGE, content,
        signaturePrivateKey, confirmationTag));
  }

  /**
   * Frames already signed content as a PublicMessage, adding the membership tag for a member
   * sender.
   *
   * @throws IllegalArgumentException if the content was not signed for a PublicMessage, is
   *     application data, or is not for this group and epoch
   */
  public PublicMessage protect(AuthenticatedContent authenticated) {
    if (authenticated.wireFormat() != WireFormat.PUBLIC_MESSAGE) {
      throw new IllegalArgumentException(
          "content was signed for " + authenticated.wireFormat() + ", not a PublicMessage");
    }
    FramedContent content = authenticated.content();
    requireHandshake(content);
    Optional<byte[]> tag = content.sender().senderType() == SenderType.MEMBER
        ? Optional.of(mac(authenticated.toBeMaced(context)))
        : Optional.empty();
    return new PublicMessage(content, authenticated.auth(), tag);
  }

  /**
   * Verifies a received PublicMessage: group and epoch, the sender's right to send its content
   * type, the membership tag (constant time) for a member sender, then the signature.
   *
   * @throws ProtocolException if the message is for another group or epoch, carries application
   *     data (§6.2), its sender may not send its content type (§6.1), or {@code keys} knows no key
   *     for the sender
   * @throws AuthenticationException naming the check that failed: {@code membership_tag} or the
   *     FramedContentTBS signature
   */
  public VerifiedContent unprotect(PublicMessage message, SignatureKeyLookup keys)
      throws ProtocolException, AuthenticationException {
    FramedContent content = message.content();
    EpochCheck.require(context, content.groupId(), content.epoch());
    if (content.contentType() == ContentType.APPLICATION) {
      throw new ProtocolException("RFC 9420 §6.2", "application data must not be sent in a"
          + " PublicMessage");
    }
    ContentSignatures.checkSenderMaySend(content);
    AuthenticatedContent authenticated = message.toAuthenticatedContent();
    Optional<byte[]> tag = message.membershipTag();
    if (tag.isPresent()) {
      byte[] expected = mac(authenticated.toBeMaced(context));
      if (!MessageDigest.isEqual(expected, tag.get())) {
        throw new AuthenticationException("membership_tag of " + content.sender()
            + " does not match (RFC 9420 §6.2)");
      }
    }
    ContentSignatures.verify(
        suite, context, authenticated, keys.signatureKey(content.sender(), content));
    return new VerifiedContent(authenticated);
  }

  /** The held membership key itself, for {@link EpochProtection#writeState}. */
  Secret membershipKey() {
    return membershipKey;
  }

  /** Wipes the membership key; later use throws IllegalStateException. */
  public void destroy() {
    membershipKey.destroy();
  }

  /** Suite and epoch only. */
  @Override
  public String toString() {
    return String.format("PublicMessageProtection[suite 0x%04x, epoch %d]",
        suite.id(), context.epoch());
  }

  private void requireHandshake(FramedContent content) {
    if (content.contentType() == ContentType.APPLICATION) {
      throw new IllegalArgumentException(
          "application data must be sent as a PrivateMessage (RFC 9420 §6.2)");
    }
    if (!Arrays.equals(context.groupId(), content.groupId())
        || content.epoch() != context.epoch()) {
      throw new IllegalArgumentException("content is not for this group and epoch");
    }
  }

  private byte[] mac(byte[] data) {
    if (membershipKey.isDestroyed()) {
      throw new IllegalStateException("this epoch's protection was destroyed");
    }
    byte[] key = membershipKey.copyBytes();
    try {
      return suite.primitives().mac(key, data);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
