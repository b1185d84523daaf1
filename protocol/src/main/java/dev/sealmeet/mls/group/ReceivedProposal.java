package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;

/**
 * A proposal that verified and is stored for the next commit of this epoch (RFC 9420 §12.1).
 *
 * @param epoch the epoch it belongs to
 * @param sender who proposed it: a member, an external sender or a new member
 * @param proposal the proposal
 * @param reference its ProposalRef (§5.2), as a commit refers to it (copied in and out)
 */
public record ReceivedProposal(long epoch, Sender sender, Proposal proposal, byte[] reference)
    implements ProcessedMessage {
  /** Copies the reference. */
  public ReceivedProposal {
    reference = reference.clone();
  }

  /** A copy of the ProposalRef. */
  @Override
  public byte[] reference() {
    return reference.clone();
  }

  /** Epoch, sender and type only. */
  @Override
  public String toString() {
    return "ReceivedProposal[epoch " + epoch + ", " + sender + ", type " + proposal.proposalType()
        + "]";
  }
}
