package dev.sealmeet.mls.group;

/**
 * This member's own commit, waiting for the delivery service's verdict (RFC 9420 §14): the next
 * epoch it computed and the messages it sent.
 */
record PendingCommit(EpochState state, CommitResult result,
    java.util.Optional<dev.sealmeet.mls.message.ReInitProposal> reInit) {}
