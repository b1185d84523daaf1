package dev.sealmeet.mls.group;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.framing.SignatureKeyLookup;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.List;

/**
 * Everything a member holds for one epoch (RFC 9420 §8, §9): the GroupContext, the public tree,
 * the interim transcript hash, its own leaf and path keys, the epoch secrets and the message
 * protection with its secret tree. Built whole, aside from the current epoch, by commit processing;
 * swapped in only when the commit is merged.
 */
final class EpochState {
  final MlsSuite suite;
  final GroupContext context;
  final RatchetTree tree;
  final byte[] interimTranscriptHash;
  final byte[] confirmationTag;
  final long ownLeaf;
  final TreePrivateKeys privateKeys;
  final EpochSecrets secrets;
  final EpochProtection protection;

  EpochState(MlsSuite suite, GroupContext context, RatchetTree tree, byte[] interimTranscriptHash,
      byte[] confirmationTag, long ownLeaf, TreePrivateKeys privateKeys, EpochSecrets secrets,
      EpochProtection protection) {
    this.suite = suite;
    this.context = context;
    this.tree = tree;
    this.interimTranscriptHash = interimTranscriptHash.clone();
    this.confirmationTag = confirmationTag.clone();
    this.ownLeaf = ownLeaf;
    this.privateKeys = privateKeys;
    this.secrets = secrets;
    this.protection = protection;
  }

  long epoch() {
    return context.epoch();
  }

  /**
   * The signature key each sender type signs with in this epoch (RFC 9420 §6.1): a member's leaf,
   * an {@code external_senders} entry, the KeyPackage of a new member's Add, or the leaf of a new
   * member's commit path.
   */
  SignatureKeyLookup signatureKeys() {
    return this::signatureKeyOf;
  }

  private byte[] signatureKeyOf(Sender sender, FramedContent content) throws ProtocolException {
    switch (sender.senderType()) {
      case MEMBER:
        return tree.leaf(sender.index()).orElseThrow(() -> new GroupRuleException(
            GroupRule.UNKNOWN_SENDER, "sender leaf " + sender.index()
                + " is blank or outside the tree")).signatureKey();
      case EXTERNAL:
        List<ExternalSender> senders;
        try {
          senders = ExternalSender.in(context.extensions());
        } catch (DecodeException e) {
          throw new GroupRuleException(GroupRule.UNKNOWN_EXTERNAL_SENDER,
              "external_senders extension is malformed");
        }
        if (sender.index() >= senders.size()) {
          throw new GroupRuleException(GroupRule.UNKNOWN_EXTERNAL_SENDER, "external sender "
              + sender.index() + " of " + senders.size() + " listed");
        }
        return senders.get((int) sender.index()).signatureKey();
      case NEW_MEMBER_PROPOSAL:
        if (content.content() instanceof MessageContent.ProposalContent p
            && p.proposal() instanceof AddProposal add) {
          return add.keyPackage().leafNode().signatureKey();
        }
        throw new ProtocolException("RFC 9420 §12.1.8", "new_member_proposal is not an Add");
      case NEW_MEMBER_COMMIT:
        if (content.content() instanceof MessageContent.CommitContent c
            && c.commit().path().isPresent()) {
          Commit commit = c.commit();
          return commit.path().get().leafNode().signatureKey();
        }
        throw new GroupRuleException(GroupRule.INVALID_EXTERNAL_COMMIT,
            "an external commit must carry a path");
      default:
        throw new ProtocolException("RFC 9420 §6", "unknown sender type");
    }
  }

  /** Erases every secret of this epoch. */
  /**
   * Keeps only what opens this epoch's late application messages (RFC 9420 §14): the sender data
   * secret and the application ratchets of its members. Every other secret and the path keys are
   * erased.
   */
  void retainApplicationKeys() {
    secrets.destroy();
    privateKeys.destroy();
    protection.retainApplicationKeys(tree.occupiedLeaves());
  }

  void destroy() {
    if (protection != null) {
      protection.destroy();
    }
    if (secrets != null) {
      secrets.destroy();
    }
    if (privateKeys != null) {
      privateKeys.destroy();
    }
  }

  /** Epoch and size only. */
  @Override
  public String toString() {
    return "EpochState[epoch " + epoch() + ", " + tree + ", leaf " + ownLeaf + "]";
  }
}
