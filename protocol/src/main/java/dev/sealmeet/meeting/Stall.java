package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;

/**
 * The delivery service ordered a commit for this member's epoch that this member rejected. Every
 * later commit builds on that one, so from here on this member can make no membership change or
 * rekey ({@link MeetingRule#STALLED}); media of its epoch still flows between the members who
 * rejected the commit too. Either the committer broke a rule every honest member checks (a
 * malicious or faulty participant) or the delivery service injected the commit (spec §9). The
 * protocol has no in-band recovery yet: the application tells the user, and a host starts a new
 * meeting without the committer.
 *
 * @param epoch the epoch the rejected commit was ordered for
 * @param claimedCommitter the leaf the commit names as its sender, or -1 if it names no member;
 *     not authenticated when {@code reason} is an authentication failure
 * @param reason why this member rejected the commit
 */
public record Stall(long epoch, long claimedCommitter, SealmeetException reason) {
  /** The {@link MeetingRule#STALLED} refusal of a change while this stall lasts. */
  MeetingRuleException toRuleException() {
    return new MeetingRuleException(MeetingRule.STALLED, "the delivery service ordered a commit "
        + "for epoch " + epoch + " that this member rejected (" + reason.getMessage() + ")");
  }
}
