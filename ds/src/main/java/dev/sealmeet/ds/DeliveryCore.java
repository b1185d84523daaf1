package dev.sealmeet.ds;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.PublicGroupView;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.ServerAdmission;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.MlsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery service without a transport: the contract of {@code DeliveryService} (total order,
 * idempotent submits, first valid commit per epoch, lobby-scoped KeyPackages) for authenticated
 * callers, over a {@link LogStore}. A vendor embeds it in its own server; the gRPC service is one
 * such transport. Thread-safe; several cores (server nodes) may share one store.
 *
 * <p>Who may do what: the readers of a meeting (who may fetch and subscribe) are the account that
 * opened it and every account that knocked at its lobby (publishing a KeyPackage there is a
 * knock); a submit, a claim and the list of knocks need an account of a current leaf of the
 * group's public tree; only an account publishes its own KeyPackages. Media is refused: it goes
 * over the media plane and never touches the store.
 *
 * <pre>
 * submit ─► parse ─► member? ─► media? ─► answered id? ─► epoch ─► ServerAdmission.check
 *        ─► store.append(at the checked epoch) ─► ACCEPTED | Duplicate | EpochMoved: again
 * </pre>
 */
public final class DeliveryCore implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeliveryCore.class.getName());
  private static final String SERVER_NAME = "sealmeet delivery service";

  private final LogStore store;
  private final MlsSuite suite;
  private final CoreOptions options;
  private final SigningIdentity identity;
  private final ViewCache views;
  private final Ordering ordering;
  private final Retention retention;
  private final Pushes pushes;

  /** A core for meetings of {@code suite} over {@code store}, with the default options. */
  public DeliveryCore(LogStore store, MlsSuite suite) throws StoreException {
    this(store, suite, CoreOptions.defaults());
  }

  /** A core for meetings of {@code suite} over {@code store}. */
  public DeliveryCore(LogStore store, MlsSuite suite, CoreOptions options)
      throws StoreException {
    this.store = Objects.requireNonNull(store, "store");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.options = Objects.requireNonNull(options, "options");
    this.identity = loadIdentity(store, suite);
    this.views = new ViewCache(suite);
    this.retention = new Retention(options.knockWindow(), options.endGrace());
    this.ordering = new Ordering(store, views, options.accountOf(), this::ended);
    this.pushes = new Pushes(store, options.pageSize(), options.pollInterval(),
        retention::noteDelivered);
    long every = options.maintenanceInterval().toMillis();
    pushes.timer().scheduleWithFixedDelay(this::maintainQuietly, every, every,
        TimeUnit.MILLISECONDS);
  }

  private static SigningIdentity loadIdentity(LogStore store, MlsSuite suite)
      throws StoreException {
    byte[] secret = store.serverIdentity(() -> {
      try (SigningIdentity fresh = SigningIdentity.generate(suite,
          new BasicCredential(SERVER_NAME.getBytes(StandardCharsets.UTF_8)))) {
        return fresh.exportSecret(suite);
      }
    });
    try {
      return SigningIdentity.importSecret(suite, secret);
    } catch (SealmeetException e) {
      throw new StoreException("the stored server identity does not import", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The server's entry for a group's external_senders extension (the same on every node). */
  public ExternalSender externalSender() {
    return new ExternalSender(identity.signaturePublicKey(), identity.credential());
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
    MlsMessage message;
    PublicGroupView view;
    try {
      message = MlsMessage.fromBytes(groupInfo);
      view = PublicGroupView.of(suite, message);
    } catch (SealmeetException e) {
      throw new IllegalArgumentException("the GroupInfo does not verify", e);
    }
    if (!Arrays.equals(view.groupId(), meetingId)) {
      throw new IllegalArgumentException("the GroupInfo is of another group");
    }
    long signer = ((GroupInfo) message.body()).signer();
    Optional<String> signerAccount = view.tree().leaf(signer)
        .flatMap(leaf -> options.accountOf().apply(leaf.credential()));
    if (!signerAccount.equals(Optional.of(caller.account()))) {
      throw new AccessDeniedException("only the GroupInfo's signer opens the meeting");
    }
    ViewCache.Slot slot = views.slot(meetingId);
    synchronized (slot) {
      if (!store.createMeeting(meetingId, view.epoch(), groupInfo, caller.account())) {
        throw new IllegalStateException("the meeting exists");
      }
      ViewCache.seed(slot, view, view.epoch(), groupInfo);
    }
  }

  /**
   * Orders one envelope: {@code ACCEPTED}, {@code STALE_EPOCH} or {@code REFUSED} as {@code
   * DeliveryService#submit} says; the caller must be a current member of the meeting. A repeated
   * submit id gets its first answer.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  public SubmitResult submit(Caller caller, byte[] envelope) throws StoreException {
    return ordering.submit(Optional.of(caller.account()), envelope);
  }

  /**
   * At most {@code limit} entries from {@code fromSequence} on, in order; the caller must be a
   * reader (opened the meeting or knocked at its lobby).
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  public List<SequencedEnvelope> fetch(Caller caller, byte[] meetingId, long fromSequence,
      int limit) throws StoreException, AccessDeniedException {
    return fetch(caller, meetingId, fromSequence, limit, true);
  }

  /**
   * A fetch that says where the reader is ({@code position}: it has everything before {@code
   * fromSequence}), or only reads on (the next page of the same fetch).
   */
  List<SequencedEnvelope> fetch(Caller caller, byte[] meetingId, long fromSequence, int limit,
      boolean position) throws StoreException, AccessDeniedException {
    requireReader(caller, meetingId);
    List<SequencedEnvelope> entries = store.read(meetingId, fromSequence,
        Math.max(0, Math.min(limit, options.pageSize())));
    if (position) {
      retention.noteRead(meetingId, caller.account(), Math.max(1, fromSequence));
    }
    if (!entries.isEmpty()) {
      retention.noteDelivered(meetingId, caller.account(),
          entries.get(entries.size() - 1).sequence() + 1);
    }
    return entries;
  }

  /**
   * Pushes entries from {@code fromSequence} on, in order and each once, until cancelled or the
   * listener throws; the caller must be a reader. Pushes run on the core's threads.
   *
   * @throws IllegalArgumentException if the meeting does not exist
   */
  public Subscription subscribe(Caller caller, byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws StoreException, AccessDeniedException {
    Objects.requireNonNull(listener, "listener");
    requireReader(caller, meetingId);
    retention.noteRead(meetingId, caller.account(), Math.max(1, fromSequence));
    return pushes.subscribe(meetingId, caller.account(), fromSequence, listener);
  }

  /**
   * Publishes a KeyPackage of the caller's own account into the meeting's lobby (a knock). The
   * meeting need not be open yet.
   *
   * @throws AccessDeniedException if the entry is of another account, or the lobby is full
   */
  public void publishKeyPackage(Caller caller, byte[] meetingId, KeyPackageEntry entry)
      throws StoreException, AccessDeniedException {
    if (!entry.account().equals(caller.account())) {
      throw new AccessDeniedException("only an account publishes its own KeyPackages");
    }
    knock(caller, meetingId);
    store.publishKeyPackage(meetingId, entry);
  }

  /**
   * Hands out a KeyPackage {@code account} published to the lobby; the caller must be a member
   * whose role may admit (any member of a group without roles).
   */
  public Optional<KeyPackageEntry> claimKeyPackage(Caller caller, byte[] meetingId,
      String account) throws StoreException, AccessDeniedException {
    ViewCache.Slot slot = views.slot(meetingId);
    Set<String> admitters;
    synchronized (slot) {
      admitters = ordering.admitters(ordering.view(slot, Ordering.head(store, meetingId)));
    }
    if (!admitters.contains(caller.account())) {
      // a participant that claimed a guest's KeyPackages would hold up its admission
      throw new AccessDeniedException("only a member whose role may admit claims KeyPackages");
    }
    return store.claimKeyPackage(meetingId, account);
  }

  /**
   * Notes that the caller waits in the meeting's lobby, which makes it a reader.
   *
   * @throws AccessDeniedException if the lobby is full
   */
  public void knock(Caller caller, byte[] meetingId) throws StoreException, AccessDeniedException {
    if (!store.knock(meetingId, caller.account(), options.maxKnocks())) {
      throw new AccessDeniedException("the lobby is full");
    }
    long position = store.head(meetingId).map(MeetingHead::nextSequence).orElse(1L);
    retention.noteKnock(meetingId, caller.account(), position, options.clock().instant());
  }

  /** The accounts that knocked, from the {@code from}-th; the caller must be a member. */
  public List<String> knocks(Caller caller, byte[] meetingId, int from)
      throws StoreException, AccessDeniedException {
    requireMember(caller, meetingId);
    return store.knocks(meetingId, from);
  }

  /**
   * Proposes, as the group's external sender, to remove the client of {@code account} (one that
   * dropped) at the current epoch, for a member to commit (RFC 9420 §12.1.8.1). If the account
   * has several clients, the one at the lowest leaf. Server-internal: no caller.
   *
   * @return the answer to the proposal ({@code ACCEPTED} with its sequence number)
   * @throws IllegalArgumentException if the meeting does not exist or the account is no member
   */
  public SubmitResult proposeRemove(byte[] meetingId, String account) throws StoreException {
    byte[] envelope;
    ViewCache.Slot slot = views.slot(meetingId);
    synchronized (slot) {
      MeetingHead head = Ordering.head(store, meetingId);
      PublicGroupView view = ordering.view(slot, head);
      long leaf = ordering.leafOf(view, account).orElseThrow(
          () -> new IllegalArgumentException("the account is not a member of the meeting"));
      envelope = ServerAdmission.externalRemove(suite, identity, meetingId, head.epoch(), leaf);
    }
    return ordering.submit(Optional.empty(), envelope);
  }

  /**
   * Applies retention to one meeting: drops its log below every current member's position (and
   * that of guests that knocked within the knock window), or drops an ended meeting once its
   * members read its end or the end grace passed. The core does this on a timer too.
   */
  public void compact(byte[] meetingId) throws StoreException {
    Optional<MeetingHead> found = store.head(meetingId);
    if (found.isEmpty()) {
      retention.forget(meetingId);
      return;
    }
    MeetingHead head = found.get();
    Set<String> members;
    ViewCache.Slot slot = views.slot(meetingId);
    synchronized (slot) {
      members = ordering.members(ordering.view(slot, head));
    }
    Retention.Verdict verdict = retention.decide(meetingId, head, members,
        store.knocks(meetingId, 0), options.clock().instant());
    if (verdict instanceof Retention.Verdict.Drop) {
      store.drop(meetingId);
      retention.forget(meetingId);
      views.forget(meetingId);
    } else if (verdict instanceof Retention.Verdict.CompactBelow below
        && below.sequence() > 1) {
      store.compact(meetingId, below.sequence());
    }
  }

  /** Applies retention to every meeting this core has served since it started. */
  public void maintain() throws StoreException {
    for (byte[] meetingId : retention.meetings()) {
      compact(meetingId);
    }
  }

  /** The sender of an end has it: it wrote it, and reads no further. */
  private void ended(byte[] meetingId, long sequence, Optional<String> sender) {
    retention.noteEnded(meetingId, sequence, options.clock().instant());
    sender.ifPresent(account -> retention.noteDelivered(meetingId, account, sequence + 1));
  }

  private void maintainQuietly() {
    try {
      maintain();
    } catch (StoreException | RuntimeException e) {
      LOG.log(Level.WARNING, "retention failed; the next run retries", e);
    }
  }

  private void requireReader(Caller caller, byte[] meetingId)
      throws StoreException, AccessDeniedException {
    Ordering.head(store, meetingId);
    if (!store.isReader(meetingId, caller.account())) {
      throw new AccessDeniedException("not a reader of the meeting");
    }
  }

  private void requireMember(Caller caller, byte[] meetingId)
      throws StoreException, AccessDeniedException {
    ViewCache.Slot slot = views.slot(meetingId);
    Set<String> members;
    synchronized (slot) {
      members = ordering.members(ordering.view(slot, Ordering.head(store, meetingId)));
    }
    if (!members.contains(caller.account())) {
      throw new AccessDeniedException(Ordering.NOT_A_MEMBER);
    }
  }

  /** The cipher suite of the meetings this core serves. */
  public MlsSuite suite() {
    return suite;
  }

  /** Stops pushes and background work; the store stays open (its owner closes it). */
  @Override
  public void close() {
    pushes.close();
    identity.close();
  }

  /** Options only. */
  @Override
  public String toString() {
    return "DeliveryCore[" + options + "]";
  }
}
