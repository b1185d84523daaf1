package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.RemoveProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link MeetingPolicy} at work: when {@link Meeting#maintain()} runs, decides from the
 * injected clock and the group state every member shares whether this member's turn has come to
 * commit the pending proposals or to rotate the epoch, and does it. The state is the {@link
 * Meeting}'s; this class holds the two timers and the ladders.
 */
final class Maintenance {
  private final Meeting m;
  private long epochSince;
  private long pendingSince;
  private boolean pending;

  Maintenance(Meeting meeting) {
    this.m = meeting;
  }

  /** A new epoch started now: the rotation timer restarts, no proposal is pending. */
  void epochStarted(long now) {
    epochSince = now;
    pending = false;
  }

  /** A proposal was stored: the pending timer starts with the first of the epoch. */
  void proposalStored(long now) {
    if (!pending) {
      pending = true;
      pendingSince = now;
    }
  }

  MeetingPolicy.Action run() throws SealmeetException {
    m.poll();
    m.identities.recheck();
    if (m.status != Meeting.Status.ACTIVE || m.stall != null) {
      return MeetingPolicy.Action.NONE;
    }
    MeetingPolicy policy = m.client.options().runtime().policy();
    long now = m.tell.now();
    long own = m.ownLeaf();
    if (removedByPending().contains(own)) {
      return MeetingPolicy.Action.NONE;
    }
    if (policy.commitPendingWithin().isPresent() && m.group.pendingProposalCount() > 0) {
      proposalStored(now);
      int rank = pendingLadder().indexOf(own);
      if (rank >= 0 && now - pendingSince >= steps(policy.commitPendingWithin().get(), rank)) {
        m.commits.commitPending();
        m.tell.pendingCommitted();
        return MeetingPolicy.Action.COMMITTED_PENDING;
      }
    }
    if (policy.rotateEvery().isPresent()) {
      int rank = rotationLadder().indexOf(own);
      long due = policy.rotateEvery().get().toNanos() + steps(policy.fallback(), rank);
      if (now - epochSince >= due) {
        m.commits.update();
        m.tell.rotated();
        return MeetingPolicy.Action.ROTATED;
      }
    }
    return MeetingPolicy.Action.NONE;
  }

  /**
   * Who commits pending proposals, in turn: the hosts, then the other members, each in leaf
   * order, without the members the proposals remove (RFC 9420 §12.4: a commit never removes its
   * committer).
   */
  List<Long> pendingLadder() {
    List<Long> removed = removedByPending();
    List<Long> hosts = new ArrayList<>();
    List<Long> others = new ArrayList<>();
    for (Map.Entry<Long, Credential> e : m.group.members().entrySet()) {
      if (!removed.contains(e.getKey())) {
        (m.roles.roleOf(e.getValue()) == Role.HOST ? hosts : others).add(e.getKey());
      }
    }
    hosts.addAll(others);
    return hosts;
  }

  /** The leaves the pending proposals remove (a leaving member neither commits nor rotates). */
  private List<Long> removedByPending() {
    List<Long> removed = new ArrayList<>();
    for (ReceivedProposal p : m.received) {
      if (p.proposal() instanceof RemoveProposal remove) {
        removed.add(remove.removed());
      }
    }
    return removed;
  }

  /** Who rotates, in turn: the members in leaf order, starting at position {@code epoch mod n}. */
  List<Long> rotationLadder() {
    List<Long> leaves = new ArrayList<>(m.group.members().keySet());
    java.util.Collections.rotate(leaves, -(int) Long.remainderUnsigned(m.epoch(), leaves.size()));
    return leaves;
  }

  private static long steps(Duration step, int rank) {
    return step.toNanos() * rank;
  }

  /** Timers' state only. */
  @Override
  public String toString() {
    return "Maintenance[" + (pending ? "proposals pending" : "nothing pending") + "]";
  }
}
