package dev.sealmeet.ds;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.PublicGroupView;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.meeting.ServerAdmission;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.mls.message.Credential;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides one submitted envelope against the store's head and appends it: the rules of {@code
 * DeliveryService#submit} (first valid commit per epoch, RFC 9420 §14; idempotent submit ids),
 * with {@link ServerAdmission} as the one source of what a server accepts. The store decides
 * across nodes: an append names the epoch it was checked against, and a moved epoch is checked
 * again (a few times, then the answer is {@code STALE_EPOCH}).
 */
final class Ordering {
  /**
   * The reason a media envelope is refused; a signature frame of sender authentication ({@link
   * ServerAdmission.Kind#SIGNATURE}, spec §2.7) is ordered like a handshake.
   */
  static final String MEDIA = "media goes over the media plane (an SFU), not the delivery service";
  static final String NOT_A_MEMBER = "not a member of the meeting";
  private static final int TRIES = 8;

  /** Told of each accepted end message and who sent it (empty: the server). */
  interface Ends {
    void ended(byte[] meetingId, long sequence, Optional<String> sender);
  }

  private final LogStore store;
  private final ViewCache views;
  private final Function<Credential, Optional<String>> accountOf;
  private final Ends ends;

  Ordering(LogStore store, ViewCache views, Function<Credential, Optional<String>> accountOf,
      Ends ends) {
    this.store = store;
    this.views = views;
    this.accountOf = accountOf;
    this.ends = ends;
  }

  /** The accounts of the current leaves of {@code view}. */
  Set<String> members(PublicGroupView view) {
    Set<String> accounts = new LinkedHashSet<>();
    for (long leaf : view.tree().occupiedLeaves()) {
      view.tree().leaf(leaf).flatMap(node -> accountOf.apply(node.credential()))
          .ifPresent(accounts::add);
    }
    return accounts;
  }

  /**
   * The accounts of the current members that may admit: those whose role allows it under the
   * group's roles extension (spec §3), or every member of a group without one.
   */
  Set<String> admitters(PublicGroupView view) {
    Optional<Roles> roles;
    try {
      roles = view.roles();
    } catch (SealmeetException e) {
      return Set.of(); // a roles extension the server cannot read: nobody claims
    }
    if (roles.isEmpty()) {
      return members(view);
    }
    Set<String> accounts = new LinkedHashSet<>();
    for (long leaf : view.tree().occupiedLeaves()) {
      view.tree().leaf(leaf)
          .filter(node -> roles.get().roleOf(node.credential()).mayAdmit())
          .flatMap(node -> accountOf.apply(node.credential()))
          .ifPresent(accounts::add);
    }
    return accounts;
  }

  /** The lowest leaf whose credential names {@code account}. */
  Optional<Long> leafOf(PublicGroupView view, String account) {
    for (long leaf : view.tree().occupiedLeaves()) {
      if (view.tree().leaf(leaf).flatMap(node -> accountOf.apply(node.credential()))
          .filter(account::equals).isPresent()) {
        return Optional.of(leaf);
      }
    }
    return Optional.empty();
  }

  /** The current head and its view, under the slot's lock. */
  PublicGroupView view(ViewCache.Slot slot, MeetingHead head) throws StoreException {
    try {
      return views.view(slot, head);
    } catch (SealmeetException e) {
      throw new StoreException("the stored GroupInfo does not verify", e);
    }
  }

  static MeetingHead head(LogStore store, byte[] meetingId) throws StoreException {
    return store.head(meetingId).orElseThrow(
        () -> new IllegalArgumentException("no such meeting"));
  }

  /**
   * Orders {@code bytes} for {@code account} (empty: the server itself, which needs no leaf).
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  SubmitResult submit(Optional<String> account, byte[] bytes) throws StoreException {
    ServerAdmission.Submission submission;
    try {
      submission = ServerAdmission.parse(bytes);
    } catch (DecodeException e) {
      return SubmitResult.refused(0, "not a control envelope");
    }
    byte[] meetingId = submission.meetingId();
    ViewCache.Slot slot = views.slot(meetingId);
    long epoch = 0;
    for (int i = 0; i < TRIES; i++) {
      synchronized (slot) {
        MeetingHead head = head(store, meetingId);
        epoch = head.epoch();
        Optional<SubmitResult> decided = decide(account, submission, slot, head);
        if (decided.isPresent()) {
          return decided.get();
        }
      }
    }
    return SubmitResult.staleEpoch(epoch);
  }

  /** The answer, or empty if the epoch moved under the append (try again). */
  private Optional<SubmitResult> decide(Optional<String> account,
      ServerAdmission.Submission submission, ViewCache.Slot slot, MeetingHead head)
      throws StoreException {
    byte[] meetingId = submission.meetingId();
    long epoch = head.epoch();
    byte[] submitId = submission.submitId();
    byte[] digest = submission.digest();
    if (submitId.length > 0) {
      // First, so a retry gets its first answer whatever happened since (spec [SM-DS-8]): a
      // member whose ACCEPTED answer was lost, and who was removed before it asked again, is
      // told ACCEPTED, not "not a member". The answer goes only to the same bytes.
      Optional<StoredAnswer> first = store.answer(meetingId, submitId);
      if (first.isPresent()) {
        return Optional.of(answer(first.get(), digest, epoch));
      }
    }
    PublicGroupView view = view(slot, head);
    if (account.isPresent() && !members(view).contains(account.get())) {
      return Optional.of(SubmitResult.refused(epoch, NOT_A_MEMBER));
    }
    if (submission.kind() == ServerAdmission.Kind.MEDIA) {
      return Optional.of(SubmitResult.refused(epoch, MEDIA));
    }
    if (submission.handshakeEpoch().isPresent()
        && submission.handshakeEpoch().getAsLong() != epoch) {
      return Optional.of(record(meetingId, submitId, digest, SubmitResult.staleEpoch(epoch)));
    }
    try {
      ServerAdmission.check(view, submission);
    } catch (SealmeetException e) {
      return Optional.of(record(meetingId, submitId, digest,
          SubmitResult.refused(epoch, e.getMessage())));
    }
    boolean commit = submission.kind() == ServerAdmission.Kind.COMMIT;
    boolean ended = submission.kind() == ServerAdmission.Kind.ENDED;
    byte[] next = submission.nextGroupInfo().orElse(null);
    AppendOutcome outcome = store.append(AppendRequest.entry(meetingId, submitId, digest, epoch,
        submission::at, next, ended));
    if (commit) {
      ViewCache.advanced(slot, outcome instanceof AppendOutcome.Appended, epoch + 1, next);
    }
    if (outcome instanceof AppendOutcome.Appended appended) {
      if (ended) {
        ends.ended(meetingId, appended.sequence(), account);
      }
      return Optional.of(SubmitResult.accepted(appended.sequence(), commit ? epoch + 1 : epoch));
    } else if (outcome instanceof AppendOutcome.Duplicate duplicate) {
      return Optional.of(answer(duplicate.first(), digest, epoch));
    } else if (outcome instanceof AppendOutcome.NoMeeting) {
      throw new IllegalArgumentException("no such meeting");
    }
    return Optional.empty();
  }

  /** Records a verdict under the submit id (if any): a race may have answered it first. */
  private SubmitResult record(byte[] meetingId, byte[] submitId, byte[] digest,
      SubmitResult verdict) throws StoreException {
    if (submitId.length == 0) {
      return verdict;
    }
    AppendOutcome outcome = store.append(
        AppendRequest.answerOnly(meetingId, submitId, digest, verdict));
    if (outcome instanceof AppendOutcome.Duplicate duplicate) {
      return answer(duplicate.first(), digest, verdict.epoch());
    } else if (outcome instanceof AppendOutcome.NoMeeting) {
      throw new IllegalArgumentException("no such meeting");
    }
    return verdict;
  }

  /** The first answer for the same bytes; a refusal for other bytes under the same id. */
  private static SubmitResult answer(StoredAnswer first, byte[] digest, long epoch) {
    return MessageDigest.isEqual(first.digest(), digest) ? first.result()
        : SubmitResult.refused(epoch, "submit id reused for other bytes");
  }
}
