package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.Sender;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified commit whose next epoch has been computed aside, without touching the current one
 * (RFC 9420 §12.4.2). Apply it with {@link MlsGroup#merge(StagedCommit)}, or drop it with {@link
 * #discard()} if the delivery service settles on another commit. Describes the membership change so
 * the application can show who joined or left before it merges.
 */
public final class StagedCommit implements ProcessedMessage {
  private final MlsGroup group;
  private final long baseEpoch;
  private final Sender committer;
  private final Map<Long, Credential> added;
  private final Map<Long, Credential> removed;
  private final List<Long> updated;
  private final Optional<ReInitProposal> reInit;
  private final boolean removesSelf;
  private final List<ReceivedProposal> proposals;
  private EpochState next;

  StagedCommit(MlsGroup group, long baseEpoch, Sender committer, Map<Long, Credential> added,
      Map<Long, Credential> removed, List<Long> updated, Optional<ReInitProposal> reInit,
      EpochState next, List<ProposalEntry> proposals) {
    this.group = group;
    this.baseEpoch = baseEpoch;
    this.committer = committer;
    this.added = Map.copyOf(added);
    this.removed = Map.copyOf(removed);
    this.updated = List.copyOf(updated);
    this.reInit = reInit;
    this.next = next;
    this.removesSelf = next == null;
    this.proposals = List.copyOf(proposals.stream().map(e -> new ReceivedProposal(baseEpoch,
        e.sender(), e.proposal(), e.reference().orElse(new byte[0])))
        .collect(java.util.stream.Collectors.toList()));
  }

  /** The epoch this commit starts. */
  public long epoch() {
    return baseEpoch + 1;
  }

  /** Who committed: a member, or a new member joining by external commit. */
  public Sender committer() {
    return committer;
  }

  /** The leaves added by this commit, with their credentials. */
  public Map<Long, Credential> added() {
    return added;
  }

  /** The leaves removed by this commit, with the credentials they had. */
  public Map<Long, Credential> removed() {
    return removed;
  }

  /** The leaves replaced by Update proposals. */
  public List<Long> updated() {
    return updated;
  }

  /** The ReInit proposal, if the commit reinitializes the group (§11.2). */
  public Optional<ReInitProposal> reInit() {
    return reInit;
  }

  /**
   * Every proposal this commit applies, in the commit's order, with its sender: the committer for
   * a proposal by value (whose reference is empty), the original proposer for one by reference.
   * What an application's policy judges (RFC 9420 §12.4.2: the commit's proposal list), rather
   * than the proposals it saw itself.
   */
  public List<ReceivedProposal> proposals() {
    return proposals;
  }

  /** Whether this commit removes this member from the group. */
  public boolean removesSelf() {
    return removesSelf;
  }

  /** Wipes the staged epoch's secrets; merging afterwards fails. */
  public void discard() {
    if (next != null) {
      next.destroy();
      next = null;
    }
  }

  MlsGroup group() {
    return group;
  }

  long baseEpoch() {
    return baseEpoch;
  }

  /** Hands the staged state over to the group, once. */
  EpochState take() {
    EpochState state = next;
    next = null;
    return state;
  }

  /** Epoch and counts only. */
  @Override
  public String toString() {
    return "StagedCommit[epoch " + epoch() + ", " + committer + ", +" + added.size() + " -"
        + removed.size() + " ~" + updated.size() + (removesSelf() ? ", removes self]" : "]");
  }
}
