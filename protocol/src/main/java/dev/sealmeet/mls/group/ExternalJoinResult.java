package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.MlsMessage;

/**
 * The outcome of {@link MlsGroup#joinExternal}: the joiner's group, already in the epoch its
 * external commit starts, and that commit for the delivery service. If the delivery service
 * rejects the commit (another one won the epoch), close the group and try again.
 *
 * @param group the joiner's group state
 * @param commit the external commit (a {@code new_member_commit} PublicMessage)
 */
public record ExternalJoinResult(MlsGroup group, MlsMessage commit) {}
