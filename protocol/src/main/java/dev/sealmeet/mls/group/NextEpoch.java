package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.InitSecret;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import java.util.List;

/**
 * The key-schedule step of a commit, shared by committer and receivers (RFC 9420 §8, §8.2,
 * §12.4.2): the new GroupContext with the confirmed transcript hash, then the joiner secret and
 * the epoch secrets. The caller owns the returned secrets.
 *
 * @param context the new epoch's GroupContext
 * @param joiner the joiner secret (the committer needs it for the Welcome)
 * @param secrets the new epoch's secrets
 */
record NextEpoch(GroupContext context, JoinerSecret joiner, EpochSecrets secrets) {

  /**
   * @param epoch the current epoch
   * @param tree the new epoch's tree (after proposals and path)
   * @param extensions the new epoch's GroupContext extensions
   * @param commit the signed commit (its ConfirmedTranscriptHashInput, §8.2)
   * @param commitSecret the path's commit secret, or zeros; not consumed
   * @param init the init secret (previous epoch's, or an external init's); not consumed
   * @param psk the PSK secret; not consumed
   */
  static NextEpoch derive(EpochState epoch, RatchetTree tree, List<Extension> extensions,
      AuthenticatedContent commit, Secret commitSecret, InitSecret init, PskSecret psk) {
    MlsSuite suite = epoch.suite;
    byte[] confirmed = TranscriptHashes.confirmedHash(
        suite, epoch.interimTranscriptHash, commit.confirmedTranscriptHashInput());
    GroupContext old = epoch.context;
    GroupContext context = new GroupContext(old.version(), old.cipherSuite(), old.groupId(),
        old.epoch() + 1, new TreeHashes(suite).rootHash(tree), confirmed, extensions);
    JoinerSecret joiner = JoinerSecret.derive(suite, init, commitSecret, context);
    return new NextEpoch(context, joiner, joiner.epochSecrets(psk, context));
  }

  /** The provisional GroupContext of §12.4.2: new epoch, tree hash and extensions, old transcript. */
  static GroupContext provisional(EpochState epoch, RatchetTree tree, List<Extension> extensions) {
    GroupContext old = epoch.context;
    return new GroupContext(old.version(), old.cipherSuite(), old.groupId(), old.epoch() + 1,
        new TreeHashes(epoch.suite).rootHash(tree), old.confirmedTranscriptHash(), extensions);
  }

  /** KDF.Nh zero bytes: the commit secret of a commit without a path (§12.4.2). */
  static Secret zeroCommitSecret(MlsSuite suite) {
    return Secret.wrap(new byte[suite.hashLength()]);
  }

  /**
   * The end of a commit step, whether it succeeded or not (§9.2): the inputs of the key schedule
   * (commit secret, init secret, PSK secret) and the joiner secret are consumed either way; the new
   * epoch's secrets and path keys are wiped too unless the step produced the epoch the caller keeps.
   * Every argument may be null (the step failed before it existed).
   */
  static void release(Secret commitSecret, InitSecret init, PskSecret psk, NextEpoch next,
      dev.sealmeet.mls.tree.TreePrivateKeys keys, boolean kept) {
    if (commitSecret != null) {
      commitSecret.destroy();
    }
    if (init != null) {
      init.destroy();
    }
    if (psk != null) {
      psk.destroy();
    }
    if (next != null) {
      next.joiner().destroy();
    }
    if (!kept) {
      if (keys != null) {
        keys.destroy();
      }
      if (next != null) {
        next.secrets().destroy();
      }
    }
  }
}
