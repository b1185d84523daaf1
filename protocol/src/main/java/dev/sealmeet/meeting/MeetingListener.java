package dev.sealmeet.meeting;

import java.util.Optional;

/**
 * What a meeting tells the application. Every method has a no-op default, so an application
 * overrides only what it shows. Each call runs on the thread that drives the control plane (the
 * one calling {@link Meeting#poll}, {@link Meeting#maintain}, a change such as {@link
 * Meeting#admit}, or {@link LobbyGuest#poll}), after the state it reports is in place; a listener
 * must not block it for long. A listener that throws does not disturb the meeting: the exception
 * is caught, logged at WARNING (its type only) and counted in {@link MeetingMetrics}.
 *
 * <p>A listener may read the meeting (roster, security code, metrics) but must not call its
 * changing methods ({@code poll}, {@code admit}, {@code maintain}, …) from inside a call: it queues
 * such work for the control thread. Nothing handed to a listener holds key material.
 */
public interface MeetingListener {
  /**
   * The membership changed in a new epoch, or this member entered the meeting (opened it or was
   * admitted): {@code change} lists the verified members, the epoch, its security code and the
   * events of this change.
   */
  default void rosterChanged(Meeting meeting, RosterChange change) {}

  /**
   * {@link Meeting#poll} rejected an envelope (hostile or broken): nothing changed. {@code
   * rejection} names the rule and exception type, never the envelope's bytes.
   */
  default void envelopeRejected(Meeting meeting, Rejection rejection) {}

  /**
   * The delivery service ordered a commit for this member's epoch that this member rejected: no
   * change can be made from here on (see {@link Stall}); a host restarts the meeting. Called once.
   */
  default void stalled(Meeting meeting, Stall stall) {}

  /**
   * This member's leaf was removed, or its leave was committed ({@link Meeting.Status#GONE}).
   * Called once.
   */
  default void gone(Meeting meeting) {}

  /**
   * The meeting ended for this member ({@link Meeting.Status#ENDED}): a host ended it, this member
   * ended or closed it. {@code successor} is the invitation to the meeting a host named when it
   * restarted this one ({@link Meeting#restart}). Called once, after every key is erased.
   */
  default void ended(Meeting meeting, Optional<Invitation> successor) {}

  /**
   * A guest knocked: it published a KeyPackage for this meeting's lobby, under {@code account}.
   * Reported only by a delivery service that scopes knocks to a meeting ({@link LobbyKnocks}); the
   * account is the guest's claim, checked by the verifier only when a host admits it.
   */
  default void lobbyKnock(Meeting meeting, String account) {}

  /**
   * The credential of the member at {@code leaf}, verified when it entered, no longer verifies
   * with this client's {@link IdentityVerifier} (its directory revoked it). The member stays in
   * the group until someone removes it ({@link Meeting#remove(String)}); {@link
   * Meeting#revokedMembers()} lists it meanwhile. Called once per member and credential.
   */
  default void identityRevoked(Meeting meeting, long leaf, VerifiedIdentity lastVerified) {}

  /**
   * Sender authentication ({@link SenderAuthentication}, spec §2.7) found a media frame forged:
   * {@code forged} names the claimed sender's leaf and the reason. Called from {@link
   * SenderAuthentication#maintain}, once per frame.
   */
  default void frameForged(Meeting meeting, ForgedFrame forged) {}

  /** {@link LobbyGuest#poll} skipped a Welcome naming this guest's account, for {@code skip}. */
  default void welcomeSkipped(LobbyGuest guest, WelcomeSkip skip) {}

  /** A listener that ignores everything. */
  static MeetingListener none() {
    return NoListener.INSTANCE;
  }

  /** Holds the one listener that ignores everything. */
  final class NoListener implements MeetingListener {
    static final MeetingListener INSTANCE = new NoListener();

    private NoListener() {}

    /** Names itself. */
    @Override
    public String toString() {
      return "MeetingListener.none()";
    }
  }
}
