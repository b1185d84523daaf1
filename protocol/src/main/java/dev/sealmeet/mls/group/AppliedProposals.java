package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of applying a valid proposal list (RFC 9420 §12.3): the tree and GroupContext
 * extensions after it, and what the rest of commit processing needs.
 *
 * @param tree the tree after Updates, Removes and Adds (before any UpdatePath)
 * @param extensions the GroupContext extensions of the new epoch
 * @param added leaf index of each Add, in order, with its KeyPackage
 * @param removed removed leaf indices
 * @param updated leaves replaced by Update proposals
 * @param psks the PreSharedKeyIDs, in order
 * @param externalInit the ExternalInit proposal of an external commit
 * @param reInit the ReInit proposal, if any
 * @param pathRequired whether the commit must carry an UpdatePath (§12.4)
 */
record AppliedProposals(
    RatchetTree tree,
    List<Extension> extensions,
    Map<Long, KeyPackage> added,
    List<Long> removed,
    List<Long> updated,
    List<PreSharedKeyId> psks,
    Optional<ExternalInitProposal> externalInit,
    Optional<ReInitProposal> reInit,
    boolean pathRequired) {}
