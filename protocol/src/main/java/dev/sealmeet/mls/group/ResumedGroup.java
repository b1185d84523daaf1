package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.Optional;

/**
 * A group started by {@link MlsGroup#reinitialize} or {@link MlsGroup#branch} (RFC 9420 §11.2,
 * §11.3): the creator's new group at epoch 1, the Welcome for the other members, and the tree.
 *
 * @param group the creator's state of the new group
 * @param welcome the Welcome, unless the new group has no other member
 * @param ratchetTree the new group's tree, for sending out of band
 */
public record ResumedGroup(MlsGroup group, Optional<MlsMessage> welcome, RatchetTree ratchetTree) {}
