package dev.sealmeet.ds;

import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One write to a meeting's log, done by {@link LogStore#append} in one transaction:
 *
 * <ul>
 *   <li>if {@code submitId} is not empty and already has an answer in the meeting: nothing is
 *       written, the outcome is {@link AppendOutcome.Duplicate} with that first answer;
 *   <li>an {@linkplain #answerOnly answer only} (a {@code REFUSED} or {@code STALE_EPOCH}
 *       verdict) records the answer under the submit id and appends nothing;
 *   <li>an {@linkplain #entry entry}: if the meeting's epoch is not {@code expectedEpoch} (another
 *       node moved it since the envelope was checked), nothing is written and the outcome is
 *       {@link AppendOutcome.EpochMoved}; otherwise the entry gets the next sequence number
 *       {@code s}, the bytes {@code envelopeAt.apply(s)} are stored, the answer
 *       {@code ACCEPTED(s, epoch after)} is recorded under the submit id, and a commit (one with
 *       {@code nextGroupInfo}) moves the epoch to {@code expectedEpoch + 1} with that GroupInfo,
 *       under a unique key on (meeting, epoch) so that no two commits of one epoch are ever
 *       stored.
 * </ul>
 */
public final class AppendRequest {
  private final byte[] meetingId;
  private final byte[] submitId;
  private final byte[] digest;
  private final long expectedEpoch;
  private final LongFunction<byte[]> envelopeAt;
  private final byte[] nextGroupInfo;
  private final boolean ended;
  private final SubmitResult answer;

  private AppendRequest(byte[] meetingId, byte[] submitId, byte[] digest, long expectedEpoch,
      LongFunction<byte[]> envelopeAt, byte[] nextGroupInfo, boolean ended, SubmitResult answer) {
    this.meetingId = Objects.requireNonNull(meetingId, "meetingId").clone();
    this.submitId = Objects.requireNonNull(submitId, "submitId").clone();
    this.digest = Objects.requireNonNull(digest, "digest").clone();
    this.expectedEpoch = expectedEpoch;
    this.envelopeAt = envelopeAt;
    this.nextGroupInfo = nextGroupInfo == null ? null : nextGroupInfo.clone();
    this.ended = ended;
    this.answer = answer;
  }

  /**
   * An entry checked against {@code expectedEpoch}.
   *
   * @param submitId the client's submit id, or empty
   * @param digest the digest of the envelope without its sequence number
   * @param envelopeAt the stored bytes for a sequence number
   * @param nextGroupInfo for a commit, the GroupInfo of the epoch it starts; else null
   * @param ended whether the entry is an end message
   */
  public static AppendRequest entry(byte[] meetingId, byte[] submitId, byte[] digest,
      long expectedEpoch, LongFunction<byte[]> envelopeAt, byte[] nextGroupInfo, boolean ended) {
    return new AppendRequest(meetingId, submitId, digest, expectedEpoch,
        Objects.requireNonNull(envelopeAt, "envelopeAt"), nextGroupInfo, ended, null);
  }

  /** Records a verdict that is not {@code ACCEPTED} under a (non-empty) submit id. */
  public static AppendRequest answerOnly(byte[] meetingId, byte[] submitId, byte[] digest,
      SubmitResult answer) {
    if (answer.status() == SubmitStatus.ACCEPTED || submitId.length == 0) {
      throw new IllegalArgumentException("an answer alone is a refusal under a submit id");
    }
    return new AppendRequest(meetingId, submitId, digest, answer.epoch(), null, null, false,
        answer);
  }

  /** The meeting (copy). */
  public byte[] meetingId() {
    return meetingId.clone();
  }

  /** The submit id (copy), empty if none. */
  public byte[] submitId() {
    return submitId.clone();
  }

  /** The digest (copy). */
  public byte[] digest() {
    return digest.clone();
  }

  /** The epoch the entry was checked against. */
  public long expectedEpoch() {
    return expectedEpoch;
  }

  /** Whether this records an answer only. */
  public boolean isAnswerOnly() {
    return answer != null;
  }

  /** The answer to record, for {@link #isAnswerOnly}. */
  public Optional<SubmitResult> answer() {
    return Optional.ofNullable(answer);
  }

  /** The stored bytes at {@code sequence}; only for an entry. */
  public byte[] envelopeAt(long sequence) {
    if (envelopeAt == null) {
      throw new IllegalStateException("an answer has no envelope");
    }
    return envelopeAt.apply(sequence);
  }

  /** For a commit, the GroupInfo of the epoch it starts (copy). */
  public Optional<byte[]> nextGroupInfo() {
    return Optional.ofNullable(nextGroupInfo).map(byte[]::clone);
  }

  /** Whether the entry ends the meeting. */
  public boolean ended() {
    return ended;
  }

  /** The accepted answer of this entry at {@code sequence}. */
  public SubmitResult acceptedAt(long sequence) {
    return SubmitResult.accepted(sequence, expectedEpoch + (nextGroupInfo == null ? 0 : 1));
  }

  /** Kind only. */
  @Override
  public String toString() {
    return "AppendRequest[" + (answer != null ? "answer " + answer.status()
        : nextGroupInfo != null ? "commit" : "entry") + " at epoch " + expectedEpoch + "]";
  }
}
