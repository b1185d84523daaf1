package dev.sealmeet.mls.group;

/**
 * What {@link MlsGroup#process} made of a message: application data, a proposal it stored for the
 * next commit, or a commit staged for {@link MlsGroup#merge}.
 */
public sealed interface ProcessedMessage
    permits ApplicationMessage, ReceivedProposal, StagedCommit {
  /** The epoch the message was sent in. */
  long epoch();
}
