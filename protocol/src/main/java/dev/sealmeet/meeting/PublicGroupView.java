package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.framing.WelcomeReceiver;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.SenderType;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeValidator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a delivery service can know of a meeting's group without any secret (OpenMLS's {@code
 * PublicGroup} is the model): the public ratchet tree, the GroupContext of the current epoch and
 * its interim transcript hash, hence the members' signature keys, the external senders and the
 * roles. With it the server checks that a handshake is a well-formed PublicMessage of the current
 * epoch signed by a current member (or an external sender) before it orders it, so junk and
 * outsiders' envelopes never reach the log.
 *
 * <pre>
 * open:    GroupInfo of epoch 0 (with ratchet_tree), signed by a leaf of its tree
 * check:   PublicMessage ─► group, epoch, content type ─► sender's leaf key ─► FramedContentTBS
 * advance: commit (checked) + GroupInfo of epoch n+1, signed by the committer, whose confirmation
 *          tag is the commit's and whose confirmed transcript hash follows from the commit
 * </pre>
 *
 * <p>It cannot check the membership tag, the path secrets or the confirmation tag (they need group
 * secrets): a member can still send a commit the others reject, but then the commit is signed by
 * that member's leaf and the stall names it. Transport-neutral: it reads MLS messages only. Not
 * thread-safe.
 */
public final class PublicGroupView {
  private final MlsSuite suite;
  private GroupContext context;
  private RatchetTree tree;
  private byte[] interim;

  private PublicGroupView(MlsSuite suite, GroupContext context, RatchetTree tree, byte[] interim) {
    this.suite = suite;
    this.context = context;
    this.tree = tree;
    this.interim = interim;
  }

  /**
   * The view of a group from a signed GroupInfo that carries the ratchet tree.
   *
   * @throws SealmeetException if it is not such a GroupInfo of {@code suite}, its tree does not
   *     validate or its signature does not verify
   */
  public static PublicGroupView of(MlsSuite suite, MlsMessage groupInfo)
      throws SealmeetException {
    GroupInfo info = groupInfo(groupInfo);
    if (info.groupContext().cipherSuite() != suite.id()) {
      throw refused("the GroupInfo is of another cipher suite");
    }
    RatchetTree tree = verifiedTree(suite, info);
    return new PublicGroupView(suite, info.groupContext(), tree,
        TranscriptHashes.interimHash(suite, info.groupContext().confirmedTranscriptHash(),
            info.confirmationTag()));
  }

  /** The group's cipher suite. */
  public MlsSuite suite() {
    return suite;
  }

  /** The group id (copy). */
  public byte[] groupId() {
    return context.groupId();
  }

  /** The current epoch. */
  public long epoch() {
    return context.epoch();
  }

  /** The current public ratchet tree. */
  public RatchetTree tree() {
    return tree;
  }

  /** The roles of the current epoch, if the group has them. */
  public Optional<Roles> roles() throws SealmeetException {
    return Roles.in(context.extensions());
  }

  /**
   * Checks that {@code message} is a PublicMessage of this group and epoch, of content type
   * {@code expected}, signed by the current member or external sender it names (RFC 9420 §6.1).
   * Commits must come from members.
   *
   * @return the checked message
   * @throws MeetingRuleException {@code UNEXPECTED_ENVELOPE} naming what failed
   */
  public PublicMessage check(MlsMessage message, ContentType expected)
      throws MeetingRuleException {
    if (!(message.body() instanceof PublicMessage pm)) {
      throw refused("a handshake must be a PublicMessage, got " + message.wireFormat());
    }
    FramedContent content = pm.content();
    if (!Arrays.equals(content.groupId(), context.groupId()) || content.epoch() != epoch()) {
      throw refused("not of this group's epoch " + epoch());
    }
    if (content.contentType() != expected) {
      throw refused("content type " + content.contentType() + ", expected " + expected);
    }
    Sender sender = content.sender();
    byte[] key = signatureKeyOf(sender, expected).orElseThrow(() -> refused(
        "the sender " + sender.senderType() + " " + sender.index() + " is not a current member"
        + (expected == ContentType.COMMIT ? "" : " or external sender")));
    AuthenticatedContent authenticated = pm.toAuthenticatedContent();
    if (!suite.verifyWithLabel(key, ContentSignatures.LABEL,
        authenticated.toBeSigned(context), authenticated.auth().signature())) {
      throw refused("the signature of " + sender.senderType() + " " + sender.index()
          + " does not verify");
    }
    return pm;
  }

  private Optional<byte[]> signatureKeyOf(Sender sender, ContentType type) {
    if (sender.senderType() == SenderType.MEMBER) {
      return tree.leaf(sender.index()).map(LeafNode::signatureKey);
    }
    if (sender.senderType() == SenderType.EXTERNAL && type == ContentType.PROPOSAL) {
      try {
        List<ExternalSender> senders = ExternalSender.in(context.extensions());
        return sender.index() < senders.size()
            ? Optional.of(senders.get((int) sender.index()).signatureKey()) : Optional.empty();
      } catch (SealmeetException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Moves the view to the epoch {@code commit} starts, described by {@code nextGroupInfo}: the
   * commit must pass {@link #check}, and the GroupInfo must be of the next epoch, signed by the
   * committer's leaf in its own validated tree, carry the commit's confirmation tag, and have the
   * confirmed transcript hash that follows from the commit (RFC 9420 §8.2). Unchanged on failure.
   *
   * @throws SealmeetException naming what failed
   */
  public void advance(MlsMessage commit, MlsMessage nextGroupInfo) throws SealmeetException {
    PublicMessage pm = check(commit, ContentType.COMMIT);
    GroupInfo info = groupInfo(nextGroupInfo);
    GroupContext next = info.groupContext();
    if (!Arrays.equals(next.groupId(), context.groupId()) || next.epoch() != epoch() + 1
        || next.cipherSuite() != context.cipherSuite()) {
      throw refused("the GroupInfo is not of the next epoch of this group");
    }
    if (info.signer() != pm.content().sender().index()) {
      throw refused("the GroupInfo is not signed by the committer");
    }
    byte[] tag = pm.auth().confirmationTag().orElseThrow(() -> refused("no confirmation tag"));
    if (!MessageDigest.isEqual(tag, info.confirmationTag())) {
      throw refused("the GroupInfo's confirmation tag is not the commit's");
    }
    byte[] confirmed = TranscriptHashes.confirmedHash(suite, interim,
        pm.toAuthenticatedContent().confirmedTranscriptHashInput());
    if (!MessageDigest.isEqual(confirmed, next.confirmedTranscriptHash())) {
      throw refused("the GroupInfo's transcript does not follow from the commit");
    }
    RatchetTree nextTree = verifiedTree(suite, info);
    context = next;
    tree = nextTree;
    interim = TranscriptHashes.interimHash(suite, confirmed, tag);
  }

  private static GroupInfo groupInfo(MlsMessage message) throws MeetingRuleException {
    if (!(message.body() instanceof GroupInfo info)) {
      throw refused("expected a GroupInfo, got " + message.wireFormat());
    }
    return info;
  }

  private static RatchetTree verifiedTree(MlsSuite suite, GroupInfo info)
      throws SealmeetException {
    Optional<Extension> found = Extensions.find(info.extensions(), Extensions.RATCHET_TREE);
    if (found.isEmpty()) {
      throw refused("the GroupInfo carries no ratchet_tree");
    }
    RatchetTree tree = RatchetTree.decode(found.get().extensionData());
    GroupContext context = info.groupContext();
    new TreeValidator(suite).validate(tree, context.groupId(), context.treeHash());
    LeafNode signer = tree.leaf(info.signer()).orElseThrow(
        () -> refused("the GroupInfo's signer leaf is blank"));
    WelcomeReceiver.verifyGroupInfoSignature(suite, info, signer.signatureKey());
    return tree;
  }

  private static MeetingRuleException refused(String why) {
    return new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, why);
  }

  /** Epoch and tree size only. */
  @Override
  public String toString() {
    return "PublicGroupView[epoch " + epoch() + ", " + tree + "]";
  }
}
