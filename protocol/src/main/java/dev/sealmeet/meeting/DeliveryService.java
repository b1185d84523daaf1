package dev.sealmeet.meeting;

import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a meeting needs from the vendor's server (RFC 9420 §14, §16.9). The server sees envelopes
 * and ciphertext only; it holds no group key. It may send proposals as the group's external sender
 * (RFC 9420 §12.1.8.1), never commits. Envelopes cross this interface as bytes (the Protobuf
 * schema {@code sealmeet/meeting/v1/meeting.proto}); no Protobuf type appears in it, and {@link
 * EnvelopeRouting} reads what a server routes by (meeting, kind, epoch, a Welcome's recipients)
 * without a Protobuf runtime.
 *
 * <ul>
 *   <li><b>Total order:</b> every envelope of a meeting gets the next sequence number; all members
 *       read the same log.
 *   <li><b>Idempotent submit:</b> an envelope carries a submit id its client chose (16 random
 *       bytes per logical submission, the same on every retry). A repeated id gets the answer of
 *       its first submission (same status, same sequence number), and the envelope is stored
 *       once; the same id with other bytes is {@code REFUSED}.
 *   <li><b>Authenticated handshakes:</b> from the group's public state ({@link PublicGroupView}),
 *       a handshake is ordered only if it is a PublicMessage of the current epoch signed by a
 *       current member (or, for a proposal, an external sender), and a commit only with the
 *       committer's GroupInfo of the epoch it starts; anything else is answered {@code REFUSED}
 *       and not stored.
 *   <li><b>First commit per epoch wins:</b> a commit (or proposal) for an epoch other than the
 *       meeting's current one is answered {@code STALE_EPOCH} and not stored; its sender discards
 *       it, catches up and proposes its change again on the new epoch.
 *   <li><b>KeyPackage directory, per lobby:</b> a guest publishes its KeyPackages into the lobby
 *       of the meeting it waits for, and a member claims them from there; the same account can
 *       wait in two lobbies, and a KeyPackage of one lobby is never handed out for another. Each
 *       is handed out at most once, except a last-resort one, which stays. A networked server
 *       also checks who asks: only the account itself publishes, only a member whose role may
 *       admit claims.
 *   <li><b>Fan-out:</b> commits, proposals, Welcomes, media frames and end messages are readable by
 *       every client of the meeting, including lobby guests waiting for their Welcome: pulled with
 *       {@link #fetch} from any sequence number, or pushed to a {@link #subscribe}r in order.
 * </ul>
 *
 * <p><b>Transport failures.</b> Any method may throw {@link TransportException} when the server
 * cannot be reached or its answer is lost. The request may have taken effect or not; the caller
 * cannot tell, and need not:
 *
 * <ul>
 *   <li>a failed {@link #fetch} or {@link #subscribe} changes nothing on either side: the member
 *       reads from the same {@link Meeting#nextSequence()} next time;
 *   <li>a failed {@link #submit} of a commit leaves the member's commit pending (not merged, not
 *       discarded): the next read of the log settles it. If the log shows that commit, it is
 *       merged (the server ordered it and the answer was lost); if it shows another commit of
 *       that epoch first, it is discarded. Calling the same operation again (for example {@link
 *       Meeting#update()} after an {@code update()} that threw) re-submits the same envelope with
 *       the same submit id, so it is ordered at most once, and returns once it is merged;
 *   <li>a failed submit of a proposal (a leave) or of a Welcome is re-sent with the same id by the
 *       next call of the same operation (a Welcome by the next {@link Meeting#poll()} or change);
 *   <li>a failed submit of a media frame is lost (the frame's nonce is never reused).
 * </ul>
 *
 * A transport failure is never a {@link Stall}: a stall is a commit in the log that this member
 * rejected, and needs the log to say so.
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
   * @throws TransportException if the server did not answer
   */
  void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException;

  /**
   * Orders one encoded envelope into its meeting's log (the meeting id is inside it).
   *
   * @return {@code ACCEPTED} with its sequence number, {@code STALE_EPOCH} with the current epoch
   *     for a handshake of another epoch, or {@code REFUSED} with a reason for bytes that are no
   *     envelope, a handshake or end message that does not authenticate against the group's public
   *     state, or a submit id reused for other bytes; for a repeated submit id, the first answer
   *     (whatever happened since, even if the submitter is no longer a member). A {@code REFUSED}
   *     answer carries the epoch it was judged in: a member treats a refusal of a later epoch than
   *     its commit's as a lost race (spec [SM-DS-9])
   * @throws IllegalArgumentException if the meeting does not exist or the envelope has no body
   * @throws TransportException if the answer did not arrive; the envelope may have been ordered
   */
  SubmitResult submit(byte[] envelope) throws TransportException;

  /**
   * The meeting's envelopes with sequence number {@code fromSequence} or later, in order. A result
   * may end early (a page, a late replica); it never skips one.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   * @throws TransportException if the answer did not arrive
   */
  List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence) throws TransportException;

  /**
   * Pushes the meeting's envelopes from {@code fromSequence} on to {@code listener}, in order and
   * each once, until cancelled: first those already in the log, then each as it is ordered, on
   * the submitting thread or the service's own, never two at a time. A listener that throws is
   * not called again. A dropped connection ends the pushes; the client subscribes again from
   * its {@link Meeting#nextSequence()}.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   * @throws TransportException if the subscription could not be made
   */
  Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException;

  /**
   * Adds a KeyPackage to the lobby of {@code meetingId} (the meeting need not be open yet).
   *
   * @throws TransportException if the answer did not arrive; publishing again is harmless
   */
  void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws TransportException;

  /**
   * Hands out a KeyPackage that {@code account} published to the lobby of {@code meetingId},
   * once (a last-resort one stays).
   *
   * @throws TransportException if the answer did not arrive (the KeyPackage may be used up)
   */
  Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
       throws TransportException;
}
