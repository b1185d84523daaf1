package dev.sealmeet.mls.group;

import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.FramedContentAuthData;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.message.WireFormat;
import java.util.Arrays;
import java.util.Optional;

/**
 * Proposals from outside the group (RFC 9420 §12.1.8): an external sender listed in the group's
 * {@code external_senders} extension, such as the delivery service removing a client that dropped,
 * and a new member asking to be added. Both are PublicMessages without a membership tag, signed by
 * the sender; neither needs any group secret, so a server that sends them still holds no key.
 */
public final class ExternalProposals {
  private ExternalProposals() {}

  /**
   * A proposal from the external sender at {@code senderIndex} of the group's {@code
   * external_senders} list (§12.1.8.1): Add, Remove, PreSharedKey, ReInit or
   * GroupContextExtensions.
   *
   * @throws IllegalArgumentException if the proposal type may not come from an external sender
   */
  public static MlsMessage fromExternalSender(MlsSuite suite, byte[] groupId, long epoch,
      long senderIndex, SigningIdentity sender, Proposal proposal) {
    if (proposal instanceof UpdateProposal
        || proposal instanceof dev.sealmeet.mls.message.ExternalInitProposal) {
      throw new IllegalArgumentException("an external sender may not propose "
          + proposal.getClass().getSimpleName());
    }
    return signed(suite, groupId, epoch, Sender.external(senderIndex), sender, proposal);
  }

  /**
   * {@code proposal} as a Sealmeet member would send it into a group with {@code groupExtensions}:
   * a GroupContextExtensions list without the group's suite definition extension keeps it, and a
   * ReInit into a suite IANA has not assigned carries {@code config}'s definition of that suite
   * (Sealmeet spec §1.1). An external sender that builds its proposals from a GroupInfo uses this
   * so that members do not refuse them with {@link GroupRule#SUITE_DEFINITION}.
   */
  public static Proposal withSuiteDefinition(Proposal proposal,
      java.util.List<dev.sealmeet.mls.message.Extension> groupExtensions, GroupConfig config) {
    return SuiteBinding.carried(proposal, groupExtensions, config);
  }

  /** An external sender's proposal to remove the member at {@code leafIndex}. */
  public static MlsMessage remove(MlsSuite suite, byte[] groupId, long epoch, long senderIndex,
      SigningIdentity sender, long leafIndex) {
    return fromExternalSender(suite, groupId, epoch, senderIndex, sender,
        new RemoveProposal(leafIndex));
  }

  /**
   * A new member's request to be added (§12.1.8.2), signed with the key of its own KeyPackage.
   *
   * @throws IllegalArgumentException if {@code identity} did not sign {@code keyPackage}
   */
  public static MlsMessage joinRequest(MlsSuite suite, byte[] groupId, long epoch,
      SigningIdentity identity, KeyPackage keyPackage) {
    if (!identity.hasKey(keyPackage.leafNode().signatureKey())) {
      throw new IllegalArgumentException("the KeyPackage is not signed by this identity");
    }
    return signed(suite, groupId, epoch, Sender.newMemberProposal(), identity,
        new AddProposal(keyPackage));
  }

  private static MlsMessage signed(MlsSuite suite, byte[] groupId, long epoch, Sender sender,
      SigningIdentity identity, Proposal proposal) {
    FramedContent content = new FramedContent(groupId, epoch, sender, new byte[0],
        new MessageContent.ProposalContent(proposal));
    byte[] key = identity.privateKeyCopy();
    try {
      // The FramedContentTBS of a non-member sender does not include the GroupContext (§6.1).
      byte[] signature = ContentSignatures.sign(suite, null, WireFormat.PUBLIC_MESSAGE, content,
          key);
      return MlsMessage.of(new PublicMessage(content,
          new FramedContentAuthData(signature, Optional.empty()), Optional.empty()));
    } catch (BadKeyException e) {
      throw new IllegalArgumentException("the identity's key does not fit the suite", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
