package dev.sealmeet.meeting;

import dev.sealmeet.mls.message.Credential;
import java.util.function.Predicate;

/**
 * The preconditions of a member's own actions, checked before anything is built or sent: the
 * member is in the meeting, not stalled ({@link Stall}), and its role grants the action.
 */
final class Guards {
  private Guards() {}

  /**
   * @throws MeetingRuleException {@code NOT_IN_MEETING} if the member is not active, or {@code
   *     rule} if its role does not grant {@code action}
   */
  static void requireRole(Meeting m, Predicate<Role> right, MeetingRule rule, String action)
      throws MeetingRuleException {
    requireActive(m);
    Role mine = m.roles.roleOf(m.group.members().get(m.group.ownLeafIndex()));
    if (!right.test(mine)) {
      throw new MeetingRuleException(rule, "a " + mine + " may not " + action);
    }
  }

  /** @throws MeetingRuleException {@code STALLED} once the member found a {@link Stall} */
  static void requireNotStalled(Meeting m) throws MeetingRuleException {
    if (m.stall != null) {
      throw m.stall.toRuleException();
    }
  }

  /** @throws MeetingRuleException {@code NOT_IN_MEETING} unless the member is active */
  static void requireActive(Meeting m) throws MeetingRuleException {
    if (m.status != Meeting.Status.ACTIVE) {
      throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING, "this member is " + m.status);
    }
  }

  /**
   * The leaf of {@code account}, which this member may remove.
   *
   * @throws MeetingRuleException {@code REMOVE_WITHOUT_RIGHT} (or as {@link #requireRole}), or
   *     {@code NOT_IN_MEETING} if no member has that account
   */
  static long removableLeaf(Meeting m, String account) throws MeetingRuleException {
    requireRole(m, Role::mayRemove, MeetingRule.REMOVE_WITHOUT_RIGHT, "remove");
    return m.leafOf(account).orElseThrow(() -> new MeetingRuleException(
        MeetingRule.NOT_IN_MEETING, "no member has that account"));
  }

  /** @throws IllegalArgumentException if there is no member at {@code leaf} */
  static Credential memberAt(Meeting m, long leaf) {
    Credential credential = m.group.members().get(leaf);
    if (credential == null) {
      throw new IllegalArgumentException("no member at leaf " + leaf);
    }
    return credential;
  }
}
