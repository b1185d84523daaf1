package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.Optional;

/**
 * What {@link MlsGroup#commit} produced: the commit for the group, a Welcome for the members it
 * adds, the new epoch's signed GroupInfo, and its ratchet tree for sending out of band. The commit
 * is pending in the group until {@link MlsGroup#mergePendingCommit()} or {@link
 * MlsGroup#discardPendingCommit()}.
 *
 * @param commit the commit, as PublicMessage or PrivateMessage
 * @param welcome the Welcome, if the commit adds members
 * @param groupInfo the new epoch's GroupInfo, with {@code external_pub}
 * @param ratchetTree the new epoch's public tree
 */
public record CommitResult(MlsMessage commit, Optional<MlsMessage> welcome, MlsMessage groupInfo,
    RatchetTree ratchetTree) {}
