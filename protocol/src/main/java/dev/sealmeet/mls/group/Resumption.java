package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.ResumptionPskUsage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reinitialization and subgroup branching (RFC 9420 §11.2, §11.3): starting the successor group
 * with its resumption PSK, and a joiner's checks of §12.4.3.1 that the successor matches.
 */
final class Resumption {
  private Resumption() {}

  /** The one resumption PSK of usage reinit or branch among {@code psks}, if any. */
  static Optional<PreSharedKeyId.Resumption> special(List<PreSharedKeyId> psks) {
    for (PreSharedKeyId id : psks) {
      if (id instanceof PreSharedKeyId.Resumption r
          && r.usage() != ResumptionPskUsage.APPLICATION) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  static ResumedGroup start(EpochState epoch, byte[] groupId, KeyPackageBundle own,
      SigningIdentity identity, List<KeyPackage> members, List<Extension> extensions,
      ResumptionPskUsage usage, PskStore psks, GroupConfig config) throws SealmeetException {
    byte[] nonce = new byte[MlsGroup.suiteOf(own.keyPackage().cipherSuite(), config)
        .hashLength()];
    config.random().nextBytes(nonce);
    PreSharedKeyId id = new PreSharedKeyId.Resumption(
        usage, epoch.context.groupId(), epoch.epoch(), nonce);
    Secret resumption = epoch.secrets.resumptionPsk();
    try {
      psks.putResumption(epoch.context.groupId(), epoch.epoch(), resumption);
    } finally {
      resumption.destroy();
    }
    MlsGroup next = MlsGroup.create(own, identity, groupId, extensions, psks, config);
    try {
      CommitRequest request = CommitRequest.empty();
      for (KeyPackage member : members) {
        request = request.add(member);
      }
      CommitResult result = next.commit(request.psk(id).asResumedGroupStart());
      next.mergePendingCommit();
      return new ResumedGroup(next, result.welcome(), result.ratchetTree());
    } catch (SealmeetException | RuntimeException e) {
      next.close();
      throw e;
    }
  }

  static void verify(EpochState epoch, ReInitProposal reInit,
      WelcomeJoin.Joined joined) throws GroupRuleException {
    PreSharedKeyId.Resumption psk = special(joined.psks()).orElseThrow(() ->
        new GroupRuleException(GroupRule.UNKNOWN_PSK,
            "the Welcome names no reinit or branch resumption PSK"));
    GroupRule rule = psk.usage() == ResumptionPskUsage.REINIT
        ? GroupRule.INVALID_REINIT : GroupRule.INVALID_BRANCH;
    MlsGroup next = joined.group();
    GroupContext context = next.context();
    if (!Arrays.equals(psk.pskGroupId(), epoch.context.groupId())) {
      throw new GroupRuleException(rule, "the resumption PSK names another group");
    }
    if (context.epoch() != 1) {
      throw new GroupRuleException(rule, "the new group starts at epoch " + context.epoch()
          + ", not 1 (§12.4.3.1)");
    }
    List<byte[]> oldMembers = credentials(epoch.tree);
    List<byte[]> newMembers = credentials(next.ratchetTree());
    if (psk.usage() == ResumptionPskUsage.REINIT) {
      if (reInit == null || psk.pskEpoch() != epoch.epoch()) {
        throw new GroupRuleException(rule,
            "the old group's last commit was no ReInit for the PSK's epoch " + psk.pskEpoch());
      }
      if (!Arrays.equals(reInit.groupId(), context.groupId())
          || reInit.version() != context.version()
          || reInit.cipherSuite() != context.cipherSuite()
          || !reInit.extensions().equals(context.extensions())) {
        throw new GroupRuleException(rule, "the new group does not match the ReInit proposal");
      }
      requireSubset(oldMembers, newMembers, rule, "an old member is missing from the new group");
    } else {
      if (context.version() != epoch.context.version()
          || context.cipherSuite() != epoch.context.cipherSuite()) {
        throw new GroupRuleException(rule, "a branch must keep the version and suite");
      }
      requireSubset(newMembers, oldMembers, rule, "a member of the branch is not in the group");
    }
  }

  private static List<byte[]> credentials(RatchetTree tree) {
    List<byte[]> out = new ArrayList<>();
    for (long leaf : tree.occupiedLeaves()) {
      Credential credential = tree.leaf(leaf).orElseThrow().credential();
      out.add(credential.toBytes());
    }
    return out;
  }

  private static void requireSubset(List<byte[]> subset, List<byte[]> of, GroupRule rule,
      String message) throws GroupRuleException {
    for (byte[] needle : subset) {
      if (of.stream().noneMatch(c -> Arrays.equals(c, needle))) {
        throw new GroupRuleException(rule, message);
      }
    }
  }
}
