package dev.sealmeet.interop;

import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ReInitProposal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One member's state in one group: the {@link MlsGroup}, the identity, PSKs and config it was made
 * with, and the proposals it sent in the current epoch.
 *
 * <p>The runner hands a committer, and every member handling the commit, the full list of
 * proposals committed by reference, its own among them. A member already holds its own proposals
 * (the group stored them when it sent them) and cannot process its own PrivateMessage again, so
 * {@link #isOwnProposal} lets the service skip them. Of its own ReInit proposals it also keeps the
 * content ({@link #ownReInit}), because a PrivateMessage it sent cannot be read back, and the
 * successor group's suite is needed once the commit is merged. Callers synchronize on this object.
 */
final class GroupState implements Held {
  private final MlsGroup group;
  private final SigningIdentity identity;
  private final PskStore psks;
  private final GroupConfig config;
  private final Set<String> ownProposals = new HashSet<>();
  private final Map<String, ReInitProposal> ownReInits = new HashMap<>();
  private long proposalsEpoch;
  private ReInitProposal committedReInit;

  GroupState(MlsGroup group, SigningIdentity identity, PskStore psks, GroupConfig config) {
    this.group = group;
    this.identity = identity;
    this.psks = psks;
    this.config = config;
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

  /** The config the group was made with; a successor group starts from it. */
  GroupConfig config() {
    return config;
  }

  /** Remembers a proposal this member sent, and returns its bytes. */
  byte[] sent(MlsMessage proposal) {
    byte[] bytes = proposal.toBytes();
    forgetIfNewEpoch();
    ownProposals.add(HexFormat.of().formatHex(bytes));
    return bytes;
  }

  /** Remembers a ReInit this member sent as {@code message}, and returns the message's bytes. */
  byte[] sentReInit(MlsMessage message, ReInitProposal reInit) {
    byte[] bytes = sent(message);
    ownReInits.put(HexFormat.of().formatHex(bytes), reInit);
    return bytes;
  }

  /** The ReInit this member sent in the current epoch as {@code proposal}, if it is one. */
  Optional<ReInitProposal> ownReInit(byte[] proposal) {
    forgetIfNewEpoch();
    return Optional.ofNullable(ownReInits.get(HexFormat.of().formatHex(proposal)));
  }

  /** Remembers the ReInit of this member's pending commit, for when it is merged. */
  void committingReInit(ReInitProposal reInit) {
    committedReInit = reInit;
  }

  /** The ReInit of this member's last {@code ReInitCommit}, if it made one. */
  Optional<ReInitProposal> committedReInit() {
    return Optional.ofNullable(committedReInit);
  }

  /** Whether {@code proposal} is one this member sent in the current epoch. */
  boolean isOwnProposal(byte[] proposal) {
    forgetIfNewEpoch();
    return ownProposals.contains(HexFormat.of().formatHex(proposal));
  }

  private void forgetIfNewEpoch() {
    if (group.epoch() != proposalsEpoch) {
      ownProposals.clear();
      ownReInits.clear();
      proposalsEpoch = group.epoch();
    }
  }

  /** Erases the group's secrets. The identity may be shared with a later state, so it stays. */
  @Override
  public void close() {
    group.close();
  }
}
