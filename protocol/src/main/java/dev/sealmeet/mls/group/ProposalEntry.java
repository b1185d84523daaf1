package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;
import java.util.Optional;

/**
 * A proposal as a commit covers it: the proposal, who sent it, and its ProposalRef when it was sent
 * on its own and committed by reference (RFC 9420 §12.4).
 */
record ProposalEntry(Proposal proposal, Sender sender, Optional<byte[]> reference) {
  static ProposalEntry byValue(Proposal proposal, Sender committer) {
    return new ProposalEntry(proposal, committer, Optional.empty());
  }
}
