package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.Optional;

/**
 * What {@link MlsGroup#commit} produced: the commit for the group, a Welcome for the members it
 * adds, and the new epoch's ratchet tree for sending out of band. A GroupInfo for external joiners
 * comes from {@link MlsGroup#groupInfo} once the commit is merged (signing one costs a hash of the
 * whole tree, so it is made only when asked for). The commit
 * is pending in the group until {@link MlsGroup#mergePendingCommit()} or {@link
 * MlsGroup#discardPendingCommit()}.
 *
 * @param commit the commit, as PublicMessage or PrivateMessage
 * @param welcome the Welcome, if the commit adds members
 * @param ratchetTree the new epoch's public tree
 */
public record CommitResult(MlsMessage commit, Optional<MlsMessage> welcome,
    RatchetTree ratchetTree) {}
