package dev.sealmeet.meeting;

/** A member's role in a meeting, and the rights each role has. */
public enum Role {
  /** Takes part; may leave. */
  PARTICIPANT(1),
  /** Also admits from the lobby and removes participants. */
  MODERATOR(2),
  /** Also assigns roles and ends the meeting. */
  HOST(3);

  private final int code;

  Role(int code) {
    this.code = code;
  }

  /** The byte that encodes the role in the roles extension. */
  public int code() {
    return code;
  }

  /** The role of {@code code}, or null if there is none. */
  static Role ofCode(int code) {
    for (Role role : values()) {
      if (role.code == code) {
        return role;
      }
    }
    return null;
  }

  /** Whether this role may commit an Add (admit someone from the lobby). */
  public boolean mayAdmit() {
    return this != PARTICIPANT;
  }

  /** Whether this role may remove another member. */
  public boolean mayRemove() {
    return this != PARTICIPANT;
  }

  /** Whether this role may change roles. */
  public boolean mayAssignRoles() {
    return this == HOST;
  }

  /** Whether this role may end the meeting. */
  public boolean mayEnd() {
    return this == HOST;
  }
}
