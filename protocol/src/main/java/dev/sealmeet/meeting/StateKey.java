package dev.sealmeet.meeting;

import dev.sealmeet.protocol.internal.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * Names one record of one member's saved state: the meeting (its MLS group id, or for a guest
 * in the lobby the invitation's meeting id), the member's account, and the record's name. A
 * meeting writes three records: {@link #MEETING} (the whole control state), {@link #MEDIA_MARKS}
 * (the SFrame send counters' high-water marks) and {@link #LOBBY} (a waiting guest's KeyPackages).
 *
 * @param meetingId the meeting id (copied)
 * @param account the member's account
 * @param name the record's name, one of the constants here
 */
public record StateKey(byte[] meetingId, String account, String name) {
  /** The member's control state: MLS group, delivery-service position, proposals, roles. */
  public static final String MEETING = "meeting";
  /** The high-water marks of the member's SFrame send counters, reserved ahead of use. */
  public static final String MEDIA_MARKS = "media-marks";
  /** A guest's KeyPackages (with their private keys) while it waits in the lobby. */
  public static final String LOBBY = "lobby";

  /**
   * @throws IllegalArgumentException if the meeting id is empty, or the account or name is empty
   */
  public StateKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    if (meetingId.length == 0 || account.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("a state key needs a meeting id, an account and a name");
    }
    meetingId = meetingId.clone();
  }

  @Override
  public byte[] meetingId() {
    return meetingId.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateKey k && Arrays.equals(meetingId, k.meetingId)
        && account.equals(k.account) && name.equals(k.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(meetingId), account, name);
  }

  @Override
  public String toString() {
    return "StateKey[" + Hex.encode(meetingId) + ", " + account + ", " + name + "]";
  }
}
