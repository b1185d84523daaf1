package dev.sealmeet.mls.framing;

import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.PathSecret;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.schedule.EpochSecrets;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link WelcomeReceiver#join}: a GroupInfo whose signature and confirmation tag
 * verified (RFC 9420 §12.4.3.1), the epoch's secrets, and the path secret the committer sent. The
 * group state still has to check the ratchet tree against {@code tree_hash}, find its own leaf and
 * derive its path keys from {@link #pathSecret()} before it joins.
 */
public final class VerifiedWelcome {
  private final GroupInfo groupInfo;
  private final Optional<PathSecret> pathSecret;
  private final List<PreSharedKeyId> psks;
  private final EpochSecrets epochSecrets;

  VerifiedWelcome(GroupInfo groupInfo, Optional<PathSecret> pathSecret, List<PreSharedKeyId> psks,
      EpochSecrets epochSecrets) {
    this.groupInfo = groupInfo;
    this.pathSecret = pathSecret;
    this.psks = List.copyOf(psks);
    this.epochSecrets = epochSecrets;
  }

  /** The verified GroupInfo (group context, extensions, confirmation tag, signer). */
  public GroupInfo groupInfo() {
    return groupInfo;
  }

  /**
   * The path secret of the lowest common ancestor with the committer, if the Commit had a path.
   * This result's own copy: the caller {@link PathSecret#destroy() destroys} it once the path keys
   * are derived.
   */
  public Optional<PathSecret> pathSecret() {
    return pathSecret;
  }

  /** The PSKs mixed into this epoch. */
  public List<PreSharedKeyId> psks() {
    return psks;
  }

  /** The new epoch's secrets; the caller owns and eventually destroys them. */
  public EpochSecrets epochSecrets() {
    return epochSecrets;
  }

  /** Epoch, signer and PSK count only. */
  @Override
  public String toString() {
    return "VerifiedWelcome[epoch " + groupInfo.groupContext().epoch() + ", signer leaf "
        + groupInfo.signer() + ", " + psks.size() + " PSKs, path secret "
        + (pathSecret.isPresent() ? "present" : "absent") + "]";
  }
}
