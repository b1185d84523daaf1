package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalSender;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The delivery service without a transport: the contract of {@code DeliveryService} (total order,
 * idempotent submits, first valid commit per epoch, lobby-scoped KeyPackages) for authenticated
 * callers, over a {@link LogStore}. A vendor embeds it in its own server; the gRPC service is one
 * such transport. Thread-safe; several cores (server nodes) may share one store.
 *
 * <p>STUB: the signatures are fixed; the implementation is being written.
 */
public final class DeliveryCore implements AutoCloseable {
  /** A core for meetings of {@code suite} over {@code store}. */
  public DeliveryCore(LogStore store, MlsSuite suite) throws StoreException {
    throw new UnsupportedOperationException("not yet");
  }

  /** The server's entry for a group's external_senders extension (the same on every node). */
  public ExternalSender externalSender() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Opens a meeting from the signed GroupInfo (MLSMessage bytes, with the ratchet tree) of its
   * first epoch; the caller must be the account of the GroupInfo's signer.
   *
   * @throws IllegalStateException if the meeting exists
   * @throws IllegalArgumentException if the GroupInfo is not of {@code meetingId} or does not verify
   * @throws AccessDeniedException if the caller did not sign it
   */
  public void openMeeting(Caller caller, byte[] meetingId, byte[] groupInfo)
      throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Orders one envelope: {@code ACCEPTED}, {@code STALE_EPOCH} or {@code REFUSED} as {@code
   * DeliveryService#submit} says; the caller must be a current member of the meeting. A repeated
   * submit id gets its first answer.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  public SubmitResult submit(Caller caller, byte[] envelope) throws StoreException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * At most {@code limit} entries from {@code fromSequence} on, in order; the caller must be a
   * reader (opened the meeting or knocked at its lobby).
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  public List<SequencedEnvelope> fetch(Caller caller, byte[] meetingId, long fromSequence,
      int limit) throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Pushes entries from {@code fromSequence} on, in order and each once, until cancelled or the
   * listener throws; the caller must be a reader.
   */
  public Subscription subscribe(Caller caller, byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Publishes a KeyPackage of the caller's own account into the meeting's lobby (a knock). */
  public void publishKeyPackage(Caller caller, byte[] meetingId, KeyPackageEntry entry)
      throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Hands out a KeyPackage {@code account} published to the lobby; the caller must be a member. */
  public Optional<KeyPackageEntry> claimKeyPackage(Caller caller, byte[] meetingId,
      String account) throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Notes that the caller waits in the meeting's lobby. */
  public void knock(Caller caller, byte[] meetingId) throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /** The accounts that knocked, from the {@code from}-th; the caller must be a member. */
  public List<String> knocks(Caller caller, byte[] meetingId, int from)
      throws StoreException, AccessDeniedException {
    throw new UnsupportedOperationException("not yet");
  }

  /** The cipher suite of the meetings this core serves. */
  public MlsSuite suite() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops pushes and background work; the store stays open (its owner closes it). */
  @Override
  public void close() {
    throw new UnsupportedOperationException("not yet");
  }
}
