package dev.sealmeet.mls.framing;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.FramedContentTbs;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.message.WireFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The content signature of RFC 9420 §6.1: {@code SignWithLabel(., "FramedContentTBS",
 * FramedContentTBS)}, whose input covers the wire format and, for {@code member} and {@code
 * new_member_commit} senders, the epoch's GroupContext. Also the sender/content-type rules of §6.1.
 */
public final class ContentSignatures {
  /** The SignWithLabel label of a FramedContentTBS (RFC 9420 §6.1). */
  public static final String LABEL = "FramedContentTBS";

  private ContentSignatures() {}

  /**
   * The signature of {@code content} as it will be sent in {@code wireFormat}. Commits need the
   * signature before their confirmation tag (RFC 9420 §8.2), hence this separate step.
   *
   * @param context the current epoch's GroupContext (ignored for senders whose TBS omits it)
   * @throws BadKeyException if {@code signaturePrivateKey} is not a key of the suite's scheme
   */
  public static byte[] sign(MlsSuite suite, GroupContext context, WireFormat wireFormat,
      FramedContent content, byte[] signaturePrivateKey) throws BadKeyException {
    Objects.requireNonNull(signaturePrivateKey, "signaturePrivateKey");
    byte[] tbs = FramedContentTbs.of(wireFormat, content, context).toBytes();
    return suite.signWithLabel(signaturePrivateKey, LABEL, tbs);
  }

  /**
   * Signs {@code content} and assembles the AuthenticatedContent with {@code confirmationTag}.
   *
   * @param confirmationTag present exactly for commits
   * @throws BadKeyException if {@code signaturePrivateKey} is not a key of the suite's scheme
   * @throws IllegalArgumentException if the tag's presence does not fit the content type
   */
  public static AuthenticatedContent signed(MlsSuite suite, GroupContext context,
      WireFormat wireFormat, FramedContent content, byte[] signaturePrivateKey,
      Optional<byte[]> confirmationTag) throws BadKeyException {
    byte[] signature = sign(suite, context, wireFormat, content, signaturePrivateKey);
    return new AuthenticatedContent(
        wireFormat, content, new FramedContentAuthData(signature, confirmationTag));
  }

  /**
   * Checks the signature of a received AuthenticatedContent.
   *
   * @throws AuthenticationException if the FramedContentTBS signature does not verify
   */
  static void verify(MlsSuite suite, GroupContext context, AuthenticatedContent authenticated,
      byte[] signaturePublicKey) throws AuthenticationException {
    byte[] tbs = authenticated.toBeSigned(context);
    if (!suite.verifyWithLabel(
        signaturePublicKey, LABEL, tbs, authenticated.auth().signature())) {
      throw new AuthenticationException("FramedContentTBS signature of "
          + authenticated.content().sender() + " does not verify (RFC 9420 §6.1)");
    }
  }

  /**
   * The content types each sender type may send (RFC 9420 §6.1): external senders and new members
   * proposing send proposals (the latter only Add), new members committing send commits.
   *
   * @throws ProtocolException if the sender type may not send this content
   */
  static void checkSenderMaySend(FramedContent content) throws ProtocolException {
    SenderType type = content.sender().senderType();
    ContentType contentType = content.contentType();
    switch (type) {
      case MEMBER:
        return;
      case EXTERNAL:
        require(contentType == ContentType.PROPOSAL, type, contentType);
        return;
      case NEW_MEMBER_PROPOSAL:
        require(contentType == ContentType.PROPOSAL
            && ((MessageContent.ProposalContent) content.content()).proposal()
                instanceof AddProposal, type, contentType);
        return;
      case NEW_MEMBER_COMMIT:
        require(contentType == ContentType.COMMIT, type, contentType);
        return;
      default:
        throw new ProtocolException("RFC 9420 §6", "unknown sender type " + type);
    }
  }

  private static void require(boolean allowed, SenderType type, ContentType contentType)
      throws ProtocolException {
    if (!allowed) {
      throw new ProtocolException("RFC 9420 §6.1",
          "a " + type + " sender may not send this " + contentType + " content");
    }
  }
}
