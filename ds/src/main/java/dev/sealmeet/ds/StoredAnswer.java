package dev.sealmeet.ds;

import dev.sealmeet.meeting.SubmitResult;
import java.util.Objects;

/**
 * The first answer to a submit id, and the digest of the bytes it answered
 * ({@code ServerAdmission.Submission#digest}): a retry with the same digest gets {@code result}
 * again; other bytes under the same id are refused.
 */
public record StoredAnswer(SubmitResult result, byte[] digest) {
  /** Checks and copies. */
  public StoredAnswer {
    Objects.requireNonNull(result, "result");
    digest = Objects.requireNonNull(digest, "digest").clone();
  }

  /** A copy of the digest. */
  @Override
  public byte[] digest() {
    return digest.clone();
  }
}
