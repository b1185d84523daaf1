package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.ContentSignatures;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.LeafNodeSource;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.tree.TreeValidator;
import java.util.Arrays;
import java.util.Optional;

/**
 * This member's outgoing handshake content in the current epoch: signing FramedContent (RFC 9420
 * §6.1) in the group's handshake wire format, and sending proposals (§12.1), which are also
 * stored under their ProposalRef so that a later commit can cover them by reference.
 */
final class Handshakes {
  private final MlsSuite suite;
  private final SigningIdentity identity;
  private final EpochState current;
  private final ProposalStore proposals;
  private final WireFormat wireFormat;

  Handshakes(MlsSuite suite, SigningIdentity identity, EpochState current,
      ProposalStore proposals, WireFormat wireFormat) {
    this.suite = suite;
    this.identity = identity;
    this.current = current;
    this.proposals = proposals;
    this.wireFormat = wireFormat;
  }

  /** {@code content} signed for this epoch; a commit passes its (placeholder) tag. */
  AuthenticatedContent sign(FramedContent content, Optional<byte[]> confirmationTag) {
    byte[] key = identity.privateKeyCopy();
    try {
      return ContentSignatures.signed(suite, current.context, wireFormat, content, key,
          confirmationTag);
    } catch (BadKeyException e) {
      throw new IllegalStateException("the identity's key does not fit the suite", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Sends {@code proposal} and stores it for a later commit. */
  MlsMessage propose(Proposal proposal, byte[] authenticatedData) {
    return send(proposal, authenticatedData).message;
  }

  /**
   * An Update with a fresh encryption key and the same credential (§12.1.2); the new private key
   * is kept in the store until a commit covers the proposal or the epoch ends.
   */
  MlsMessage proposeUpdate() {
    LeafNode old = current.tree.leaf(current.ownLeaf).orElseThrow();
    RawKeyPair keys = suite.primitives().hpkeGenerateKeyPair();
    LeafNode unsigned = new LeafNode(keys.publicKey(), old.signatureKey(), old.credential(),
        old.capabilities(), LeafNodeSource.UPDATE, Optional.empty(), Optional.empty(),
        old.extensions(), new byte[0]);
    byte[] key = identity.privateKeyCopy();
    LeafNode leaf;
    try {
      leaf = unsigned.withSignature(suite.signWithLabel(key, TreeValidator.LEAF_NODE_LABEL,
          unsigned.toBeSigned(current.context.groupId(), current.ownLeaf)));
    } catch (BadKeyException e) {
      keys.destroy();
      throw new IllegalStateException("the identity's key does not fit the suite", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    Sent sent = send(new UpdateProposal(leaf), new byte[0]);
    proposals.addOwnUpdateKey(sent.ref, keys.takePrivateKey());
    return sent.message;
  }

  private record Sent(MlsMessage message, byte[] ref) {}

  private Sent send(Proposal proposal, byte[] authenticatedData) {
    FramedContent content = new FramedContent(current.context.groupId(), current.epoch(),
        Sender.member(current.ownLeaf), authenticatedData,
        new MessageContent.ProposalContent(proposal));
    AuthenticatedContent signed = sign(content, Optional.empty());
    byte[] ref = suite.makeProposalRef(signed.toBytes());
    if (!proposals.add(ref, proposal, content.sender())) {
      throw new IllegalStateException("too many proposals in this epoch");
    }
    return new Sent(current.protection.protect(signed, 0), ref);
  }
}
