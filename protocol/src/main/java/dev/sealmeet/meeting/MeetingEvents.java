package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.MeetingLog.Level;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one member tells the outside, in one place: the application's {@link MeetingListener}, the
 * {@link MeetingLog} and the {@link MeetingMetrics}, each told of a change once it is in place.
 * A listener that throws is caught, logged and counted; the meeting goes on. Log lines carry
 * epochs, leaf indices, rules and counts, never a key, a plaintext or an account name.
 */
final class MeetingEvents {
  private final Meeting m;
  private final MeetingMetrics metrics = new MeetingMetrics();
  private boolean stallTold;
  private boolean goneTold;
  private boolean endTold;
  private int knocksSeen;

  MeetingEvents(Meeting meeting) {
    this.m = meeting;
  }

  MeetingMetrics metrics() {
    return metrics;
  }

  /** Now, on the meeting's injected clock. */
  long now() {
    return m.client.options().nanoTime().getAsLong();
  }

  /**
   * This member entered the meeting: it opened it (leaf 0) or joined from a Welcome. Knocks from
   * before are not reported to it.
   */
  void entered() {
    if (m.ds instanceof LobbyKnocks lobby) {
      knocksSeen = lobby.knocks(m.id(), 0).size();
    }
    long own = m.ownLeaf();
    m.roster.record(RosterEvent.Kind.OPENED, m.group.epoch(), own, m.identities.of(own),
        m.group.members().get(own), own);
    epoch(m.events());
  }

  /** A merge moved this member to a new epoch with {@code changes}. */
  void epoch(List<RosterEvent> changes) {
    metrics.epochInstalled(m.epoch(), m.group.members().size());
    log().log(Level.DEBUG, () -> "epoch " + m.epoch() + ": " + m.group.members().size()
        + " members, leaf " + m.ownLeaf() + ", " + changes.size() + " roster changes");
    m.maintenance.epochStarted(now());
    m.identities.recheck();
    RosterChange change =
        new RosterChange(m.epoch(), m.securityCode(), m.roster(), changes);
    tell(l -> l.rosterChanged(m, change));
  }

  /** This member's own change merged, {@code startedNanos} after it was started. */
  void committed(long startedNanos) {
    long took = now() - startedNanos;
    metrics.commitMerged(took);
    log().log(Level.DEBUG, () -> "own commit merged into epoch " + m.epoch() + " after "
        + took / 1_000_000 + " ms");
  }

  /** This member's commit for {@code epoch} lost the race; it is tried again. */
  void commitRetried(long epoch) {
    metrics.commitRetried();
    log().log(Level.DEBUG, () -> "own commit for epoch " + epoch + " lost the race, retrying");
  }

  /** {@code poll} rejected the envelope at {@code sequence}, in {@code epoch}, for {@code e}. */
  void rejected(long sequence, long epoch, SealmeetException e) {
    Rejection rejection = Rejection.of(sequence, epoch, e);
    metrics.rejected(rejection.rule());
    log().log(Level.WARNING, () -> "rejected envelope " + sequence + " in epoch " + epoch + ": "
        + rejection.rule() + " (" + rejection.type() + ": " + rejection.message() + ")");
    tell(l -> l.envelopeRejected(m, rejection));
    if (m.stall != null && !stallTold) {
      stallTold = true;
      Stall stall = m.stall;
      metrics.stalled();
      log().log(Level.WARNING, () -> "stalled in epoch " + stall.epoch() + ": the ordered commit of "
          + "leaf " + stall.claimedCommitter() + " was rejected (" + rejection.rule() + ")");
      tell(l -> l.stalled(m, stall));
    }
  }

  /** This member's leaf is gone from the group. */
  void gone() {
    if (!goneTold) {
      goneTold = true;
      log().log(Level.INFO, () -> "removed from the meeting in epoch " + m.epoch());
      tell(l -> l.gone(m));
    }
  }

  /** The meeting ended for this member (its status is ENDED, its keys erased). */
  void ended() {
    if (!endTold) {
      endTold = true;
      log().log(Level.INFO, () -> "meeting ended" + (m.successor != null ? ", successor named" : ""));
      tell(l -> l.ended(m, m.successorInvitation()));
    }
  }

  /** The saved state could not be erased when the meeting ended for this member. */
  void storageFailed(StorageException e) {
    log().log(Level.WARNING, () -> "the saved state could not be erased: " + e.getMessage());
  }

  /** The member at {@code leaf} no longer verifies. */
  void revoked(long leaf, VerifiedIdentity last) {
    metrics.revoked();
    log().log(Level.WARNING, () -> "the credential of leaf " + leaf + " no longer verifies");
    tell(l -> l.identityRevoked(m, leaf, last));
  }

  /** Reports knocks the delivery service noted since the last call, if it notes them. */
  void knocks() {
    if (m.ds instanceof LobbyKnocks lobby) {
      List<String> accounts = lobby.knocks(m.id(), knocksSeen);
      knocksSeen += accounts.size();
      for (String account : accounts) {
        log().log(Level.DEBUG, () -> "a guest knocked at the lobby");
        tell(l -> l.lobbyKnock(m, account));
      }
    }
  }

  /** The rotation policy committed an update. */
  void rotated() {
    metrics.rotated();
    log().log(Level.INFO, () -> "rotated: epoch " + m.epoch() + " by leaf " + m.ownLeaf());
  }

  /** The pending-commit policy committed the pending proposals. */
  void pendingCommitted() {
    metrics.pendingCommitted();
    log().log(Level.INFO, () -> "committed pending proposals: epoch " + m.epoch());
  }

  private MeetingLog log() {
    return m.client.options().runtime().log();
  }

  private void tell(Consumer<MeetingListener> call) {
    tell(m.client.options().runtime().listener(), log(), metrics, call);
  }

  /** Calls {@code listener}; if it throws, logs the exception's type and counts it. */
  static void tell(MeetingListener listener, MeetingLog log, MeetingMetrics metrics,
      Consumer<MeetingListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.listenerFailed();
      }
      log.log(Level.WARNING, () -> "the meeting listener threw " + e.getClass().getName());
    }
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "MeetingEvents[" + metrics + "]";
  }
}
