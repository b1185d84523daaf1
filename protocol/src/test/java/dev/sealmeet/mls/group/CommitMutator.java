package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.HpkeCiphertext;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.UpdatePath;
import dev.sealmeet.mls.message.UpdatePathNode;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mutation of a Commit struct, chosen by the input, as a malicious sender would make before it
 * signs: its proposal list (dropped, repeated or extra proposals), its path (missing, a broken leaf
 * signature, keys already in the tree or repeated, the wrong number of path secrets, a corrupt path
 * secret), or nothing at all.
 */
final class CommitMutator {
  private final Choices choices;
  private final RatchetTree tree;

  CommitMutator(Choices choices, RatchetTree tree) {
    this.choices = choices;
    this.tree = tree;
  }

  /** {@code commit}, changed in one way or not at all; {@code leaves} bounds invented indices. */
  Commit mutate(Commit commit, int leaves) {
    List<ProposalOrRef> proposals = new ArrayList<>(commit.proposals());
    Optional<UpdatePath> path = commit.path();
    switch (choices.pick(14)) {
      case 0 -> { }
      case 1 -> {
        if (!proposals.isEmpty()) {
          proposals.remove(choices.pick(proposals.size()));
        }
      }
      case 2 -> {
        if (!proposals.isEmpty()) {
          proposals.add(proposals.get(choices.pick(proposals.size())));
        }
      }
      case 3 -> proposals.add(byValue(new RemoveProposal(choices.pick(leaves + 2))));
      case 4 -> proposals.add(byValue(new GroupContextExtensionsProposal(List.of())));
      case 5 -> proposals.add(byValue(new PreSharedKeyProposal(new PreSharedKeyId.External(
          new byte[] {1}, new byte[32]))));
      case 6 -> proposals.add(byValue(new ExternalInitProposal(choices.bytes(40))));
      case 7 -> path = Optional.empty();
      default -> path = path.map(this::mutatePath);
    }
    return new Commit(proposals, path);
  }

  private UpdatePath mutatePath(UpdatePath path) {
    LeafNode leaf = path.leafNode();
    List<UpdatePathNode> nodes = new ArrayList<>(path.nodes());
    int at = nodes.isEmpty() ? -1 : choices.pick(nodes.size());
    switch (choices.pick(6)) {
      case 0 -> leaf = new LeafNode(leaf.encryptionKey(), leaf.signatureKey(), leaf.credential(),
          leaf.capabilities(), leaf.source(), leaf.lifetime(), leaf.parentHash(),
          leaf.extensions(), HostileCommits.flipped(leaf.signature()));
      case 1 -> {
        if (at >= 0) {
          nodes.set(at, new UpdatePathNode(existingKey(), nodes.get(at).encryptedPathSecret()));
        }
      }
      case 2 -> {
        if (nodes.size() > 1) {
          nodes.set(at, new UpdatePathNode(nodes.get((at + 1) % nodes.size()).encryptionKey(),
              nodes.get(at).encryptedPathSecret()));
        }
      }
      case 3 -> {
        if (at >= 0) {
          List<HpkeCiphertext> secrets = new ArrayList<>(nodes.get(at).encryptedPathSecret());
          if (secrets.isEmpty() || choices.chance(2)) {
            secrets.add(new HpkeCiphertext(choices.bytes(40), choices.bytes(40)));
          } else {
            secrets.remove(choices.pick(secrets.size()));
          }
          nodes.set(at, new UpdatePathNode(nodes.get(at).encryptionKey(), secrets));
        }
      }
      case 4 -> {
        if (at >= 0 && !nodes.get(at).encryptedPathSecret().isEmpty()) {
          List<HpkeCiphertext> secrets = new ArrayList<>(nodes.get(at).encryptedPathSecret());
          int which = choices.pick(secrets.size());
          HpkeCiphertext ct = secrets.get(which);
          secrets.set(which, choices.chance(2)
              ? new HpkeCiphertext(HostileCommits.flipped(ct.kemOutput()), ct.ciphertext())
              : new HpkeCiphertext(ct.kemOutput(), HostileCommits.flipped(ct.ciphertext())));
          nodes.set(at, new UpdatePathNode(nodes.get(at).encryptionKey(), secrets));
        }
      }
      default -> nodes.clear();
    }
    return new UpdatePath(leaf, nodes);
  }

  private byte[] existingKey() {
    List<Long> occupied = tree.occupiedLeaves();
    long leaf = occupied.get(choices.pick(occupied.size()));
    return tree.leaf(leaf).orElseThrow().encryptionKey();
  }

  private static ProposalOrRef byValue(dev.sealmeet.mls.message.Proposal proposal) {
    return new ProposalOrRef.ByValue(proposal);
  }
}
