package dev.sealmeet.meeting;

import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.KeyPackageUpload;
import dev.sealmeet.meeting.proto.SubmitResult;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Optional;

/**
 * What a meeting needs from the vendor's server (RFC 9420 §14, §16.8). The server sees envelopes
 * and ciphertext only; it holds no group key. It may send proposals as the group's external sender
 * (RFC 9420 §12.1.8.1), never commits.
 *
 * <ul>
 *   <li><b>Total order:</b> every envelope of a meeting gets the next sequence number; all members
 *       read the same log.
 *   <li><b>Authenticated handshakes:</b> from the group's public state ({@link PublicGroupView}),
 *       a handshake is ordered only if it is a PublicMessage of the current epoch signed by a
 *       current member (or, for a proposal, an external sender), and a commit only with the
 *       committer's GroupInfo of the epoch it starts; anything else is answered {@code REFUSED}
 *       and not stored.
 *   <li><b>First commit per epoch wins:</b> a commit (or proposal) for an epoch other than the
 *       meeting's current one is answered {@code STALE_EPOCH} and not stored; its sender discards
 *       it, catches up and proposes its change again on the new epoch.
 *   <li><b>KeyPackage directory:</b> each uploaded KeyPackage is handed out at most once, except a
 *       last-resort one, which stays.
 *   <li><b>Fan-out:</b> commits, proposals, Welcomes, media frames and end messages are readable by
 *       every client of the meeting, including lobby guests waiting for their Welcome.
 *   <li><b>Reconnection:</b> {@link #fetch} from any sequence number returns the log from there.
 * </ul>
 */
public interface DeliveryService {
  /** The server's entry for the group's {@code external_senders} extension. */
  ExternalSender externalSender();

  /**
   * Starts the log of a meeting from the signed GroupInfo of its first epoch, with the ratchet
   * tree: the public state the server checks handshakes against.
   *
   * @throws IllegalStateException if the meeting exists
   * @throws IllegalArgumentException if the GroupInfo is not of {@code meetingId}, or does not
   *     verify
   */
  void openMeeting(byte[] meetingId, MlsMessage groupInfo);

  /**
   * Orders one envelope into its meeting's log.
   *
   * @return {@code ACCEPTED} with its sequence number, {@code STALE_EPOCH} with the current epoch
   *     for a handshake of another epoch, or {@code REFUSED} with a reason for a handshake or end
   *     message that does not authenticate against the group's public state
   * @throws IllegalArgumentException if the meeting does not exist or the envelope has no body
   */
  SubmitResult submit(Envelope envelope);

  /** The meeting's envelopes with sequence number {@code fromSequence} or later, in order. */
  List<Envelope> fetch(byte[] meetingId, long fromSequence);

  /** Adds a KeyPackage to the directory. */
  void publishKeyPackage(KeyPackageUpload upload);

  /** Hands out a KeyPackage of {@code account}, once (a last-resort one stays). */
  Optional<KeyPackageUpload> claimKeyPackage(String account);
}
