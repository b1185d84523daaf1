package dev.sealmeet.interop;

import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * One member's state in one group: the {@link MlsGroup}, the identity and PSKs it was made with,
 * and the proposals it sent in the current epoch.
 *
 * <p>The runner hands a committer, and every member handling the commit, the full list of
 * proposals committed by reference, its own among them. A member already holds its own proposals
 * (the group stored them when it sent them) and cannot process its own PrivateMessage again, so
 * {@link #isOwnProposal} lets the service skip them. Callers synchronize on this object.
 */
final class GroupState implements Held {
  private final MlsGroup group;
  private final SigningIdentity identity;
  private final PskStore psks;
  private final Set<String> ownProposals = new HashSet<>();
  private long proposalsEpoch;

  GroupState(MlsGroup group, SigningIdentity identity, PskStore psks) {
    this.group = group;
    this.identity = identity;
    this.psks = psks;
    this.proposalsEpoch = group.epoch();
  }

  MlsGroup group() {
    return group;
  }

  SigningIdentity identity() {
    return identity;
  }

  PskStore psks() {
    return psks;
  }

  /** Remembers a proposal this member sent, and returns its bytes. */
  byte[] sent(MlsMessage proposal) {
    byte[] bytes = proposal.toBytes();
    forgetIfNewEpoch();
    ownProposals.add(HexFormat.of().formatHex(bytes));
    return bytes;
  }

  /** Whether {@code proposal} is one this member sent in the current epoch. */
  boolean isOwnProposal(byte[] proposal) {
    forgetIfNewEpoch();
    return ownProposals.contains(HexFormat.of().formatHex(proposal));
  }

  private void forgetIfNewEpoch() {
    if (group.epoch() != proposalsEpoch) {
      ownProposals.clear();
      proposalsEpoch = group.epoch();
    }
  }

  /** Erases the group's secrets. The identity may be shared with a later state, so it stays. */
  @Override
  public void close() {
    group.close();
  }
}
