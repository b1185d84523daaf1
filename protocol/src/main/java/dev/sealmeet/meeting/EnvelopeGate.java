package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MeetingEnded;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import java.util.Arrays;
import java.util.Map;

/**
 * What each control envelope may carry, checked before any byte of it reaches the MLS group (spec
 * §6): so a rejected envelope stores no proposal, consumes no generation and stages no secret.
 *
 * <pre>
 * handshake PROPOSAL ─► PublicMessage, content type proposal, of the envelope's epoch
 *                       ─► a Remove the meeting may commit (a leave, the delivery service's, a
 *                          moderator's); every other proposal type is refused
 * handshake COMMIT   ─► PublicMessage, content type commit, of the envelope's epoch
 * ended              ─► PrivateMessage, content type application, of the envelope's epoch
 * </pre>
 */
final class EnvelopeGate {
  private EnvelopeGate() {}

  /**
   * The MLS message of a handshake envelope, if it is a PublicMessage of this group whose content
   * type is the envelope's kind and whose epoch is the envelope's.
   *
   * @throws DecodeException if the bytes are not an MLSMessage
   * @throws MeetingRuleException {@code UNEXPECTED_ENVELOPE} for anything else
   */
  static MlsMessage handshake(Handshake handshake, byte[] groupId)
      throws DecodeException, MeetingRuleException {
    ContentType expected = switch (handshake.kind()) {
      case Handshake.PROPOSAL -> ContentType.PROPOSAL;
      case Handshake.COMMIT -> ContentType.COMMIT;
      default -> throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "handshake of kind " + handshake.kind());
    };
    MlsMessage message = Envelopes.mls(handshake.mlsMessage());
    if (!(message.body() instanceof PublicMessage content)) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "a handshake envelope carries " + message.wireFormat() + ", meetings use PublicMessage");
    }
    if (content.content().contentType() != expected) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "a " + expected
          + " envelope carries content type " + content.content().contentType());
    }
    requireSame(groupId, content.content().groupId(), handshake.epoch(),
        content.content().epoch());
    return message;
  }

  /**
   * The MLS message of an end envelope, if it is a PrivateMessage of this group with application
   * content, of the envelope's epoch.
   *
   * @throws DecodeException if the bytes are not an MLSMessage
   * @throws MeetingRuleException {@code UNEXPECTED_ENVELOPE} for anything else
   */
  static MlsMessage ended(MeetingEnded ended, byte[] groupId)
      throws DecodeException, MeetingRuleException {
    MlsMessage message = Envelopes.mls(ended.mlsMessage());
    if (!(message.body() instanceof PrivateMessage content)
        || content.contentType() != ContentType.APPLICATION) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "an end envelope carries no application PrivateMessage");
    }
    requireSame(groupId, content.groupId(), ended.epoch(), content.epoch());
    return message;
  }

  private static void requireSame(byte[] groupId, byte[] claimedGroup, long envelopeEpoch,
      long messageEpoch) throws MeetingRuleException {
    if (!Arrays.equals(groupId, claimedGroup)) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
          "the MLS message names another group");
    }
    if (envelopeEpoch != messageEpoch) {
      throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "envelope epoch "
          + envelopeEpoch + ", MLS message epoch " + messageEpoch);
    }
  }

  /**
   * Admits a proposal for storage: only a Remove, proposed by the removed member itself (leaving),
   * by the delivery service as external sender (a dropped client), or by a member who may remove
   * the target ({@link RolePolicy#mayRemove}). Runs on the claimed sender before the group checks
   * the signature, which then authenticates it.
   *
   * @throws MeetingRuleException {@code PROPOSAL_REFUSED} or {@code REMOVE_WITHOUT_RIGHT}
   */
  static void admitProposal(MlsMessage message, Roles roles, Map<Long, Credential> members)
      throws MeetingRuleException {
    PublicMessage content = (PublicMessage) message.body();
    Proposal proposal = ((MessageContent.ProposalContent) content.content().content()).proposal();
    Sender sender = content.content().sender();
    if (!(proposal instanceof RemoveProposal remove)) {
      throw new MeetingRuleException(MeetingRule.PROPOSAL_REFUSED, "proposal type "
          + proposal.proposalType() + " from " + sender.senderType()
          + ": a meeting commits only Removes by reference");
    }
    if (!RolePolicy.mayProposeRemove(sender, remove.removed(), roles, members)) {
      throw new MeetingRuleException(MeetingRule.REMOVE_WITHOUT_RIGHT, "leaf " + sender.index()
          + " (" + sender.senderType() + ") may not propose removing leaf " + remove.removed());
    }
    if (sender.senderType() != SenderType.MEMBER && sender.senderType() != SenderType.EXTERNAL) {
      throw new MeetingRuleException(MeetingRule.PROPOSAL_REFUSED,
          "a Remove from a " + sender.senderType() + " sender");
    }
  }
}
