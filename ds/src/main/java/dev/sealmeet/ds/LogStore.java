package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a delivery service keeps its meetings: each call is one transaction. It stores what the
 * server routes (handshakes, Welcomes, end messages, KeyPackages, lobby knocks) and never a media
 * frame or a group secret. Implementations are thread-safe; a shared one (PostgreSQL) may be used by
 * any number of server nodes at once, so every rule that must hold across nodes (gapless sequence
 * numbers, one commit per epoch, one answer per submit id, each KeyPackage handed out once) is
 * decided inside the store's transaction, never in a node's memory.
 *
 * <p>The store does not validate: {@link DeliveryCore} checks an envelope against the meeting's
 * public group state first, then asks the store to append it at the epoch it checked against.
 */
public interface LogStore extends AutoCloseable {
  /**
   * The server's signing identity (as exported by {@code SigningIdentity.exportSecret}): made by
   * {@code create} on the first call against an empty store, the same bytes on every later call,
   * restart and node.
   */
  byte[] serverIdentity(Supplier<byte[]> create) throws StoreException;

  /**
   * Starts a meeting's log at {@code epoch} with the MLSMessage bytes of its GroupInfo (with the
   * ratchet tree); {@code opener} becomes its first reader.
   *
   * @return false if the meeting exists (nothing changed)
   */
  boolean createMeeting(byte[] meetingId, long epoch, byte[] groupInfo, String opener)
      throws StoreException;

  /** The meeting's current head; empty if there is no such meeting, or it was dropped. */
  Optional<MeetingHead> head(byte[] meetingId) throws StoreException;

  /** The first answer recorded for {@code submitId} in the meeting. */
  Optional<StoredAnswer> answer(byte[] meetingId, byte[] submitId) throws StoreException;

  /** Appends an entry or records an answer, in one transaction: see {@link AppendRequest}. */
  AppendOutcome append(AppendRequest request) throws StoreException;

  /**
   * The meeting's entries with sequence number {@code fromSequence} or more, in order, at most
   * {@code limit}. Entries below the compaction horizon are gone: the result then starts at the
   * first entry kept. Empty for an unknown meeting.
   */
  List<SequencedEnvelope> read(byte[] meetingId, long fromSequence, int limit)
      throws StoreException;

  /** Adds a KeyPackage to the meeting's lobby. */
  void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws StoreException;

  /**
   * Hands out a KeyPackage {@code account} published to the meeting's lobby, atomically: each at
   * most once across every node, except a last-resort one, which stays (and is handed out only
   * when no other is left).
   */
  Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws StoreException;

  /**
   * Notes that {@code account} waits in the meeting's lobby (idempotent) and makes it a reader.
   *
   * @return false if the lobby already holds {@code max} accounts and this one is not among them
   */
  boolean knock(byte[] meetingId, String account, int max) throws StoreException;

  /** The accounts that knocked, in the order of their first knock, from the {@code from}-th. */
  List<String> knocks(byte[] meetingId, int from) throws StoreException;

  /** Whether {@code account} opened the meeting or knocked at its lobby. */
  boolean isReader(byte[] meetingId, String account) throws StoreException;

  /** Drops the meeting's entries with a sequence number below {@code belowSequence}. */
  void compact(byte[] meetingId, long belowSequence) throws StoreException;

  /** Drops the meeting: its log, answers, lobby and KeyPackages. Idempotent. */
  void drop(byte[] meetingId) throws StoreException;

  /**
   * Calls {@code listener} with a meeting id, on any thread, after entries were appended to that
   * meeting through this store object or (for a shared store) by another node. Best effort: a
   * reader that must not miss an entry also reads on a timer.
   *
   * @return closes the registration
   */
  AutoCloseable onAppend(Consumer<byte[]> listener);

  /** Releases the store's connections and files. */
  @Override
  void close() throws StoreException;
}
