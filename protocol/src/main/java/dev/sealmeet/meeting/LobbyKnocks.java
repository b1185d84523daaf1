package dev.sealmeet.meeting;

import java.util.List;

/**
 * A delivery service that scopes knocks to a meeting's lobby, so members learn who is waiting
 * ({@link MeetingListener#lobbyKnock}). Optional: the KeyPackage directory of {@link
 * DeliveryService} is per lobby, but it hands KeyPackages out without listing who published, so
 * without this a member learns of a guest only from the application. A knock is a claim, not a
 * credential: the admitting host's verifier checks the KeyPackage it claims.
 */
public interface LobbyKnocks {
  /** Notes that {@code account} waits in the lobby of {@code meetingId}. */
  void knock(byte[] meetingId, String account);

  /**
   * The accounts that knocked at {@code meetingId}'s lobby, in order, from the {@code from}-th
   * knock (0-based) on; empty for an unknown meeting.
   */
  List<String> knocks(byte[] meetingId, int from);
}
