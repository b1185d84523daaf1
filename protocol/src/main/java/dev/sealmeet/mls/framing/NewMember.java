package dev.sealmeet.mls.framing;

import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.PathSecret;
import java.util.Objects;
import java.util.Optional;

/**
 * A member a Welcome is encrypted to (RFC 9420 §12.4.3.1): its KeyPackage and the path secret of
 * the
 * lowest node shared by its and the committer's direct paths, if the Commit had a path.
 *
 * @param keyPackage the new member's KeyPackage (its init key receives the GroupSecrets)
 * @param pathSecret the path secret for that member, if any
 */
public record NewMember(KeyPackage keyPackage, Optional<PathSecret> pathSecret) {
  /** Checks for nulls. */
  public NewMember {
    Objects.requireNonNull(keyPackage, "keyPackage");
    Objects.requireNonNull(pathSecret, "pathSecret");
  }

  /** Never prints the path secret. */
  @Override
  public String toString() {
    return "NewMember[path secret " + (pathSecret.isPresent() ? "present" : "absent") + "]";
  }
}
