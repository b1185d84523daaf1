package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ReceivedProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One member's view of a meeting: an MLS group (RFC 9420) whose epochs key the SFrame media (RFC
 * 9605 §5.2), roles enforced on every commit, and a delivery service that orders handshakes.
 *
 * <pre>
 *  host: open ─► epoch 0 (roles: host; external_senders: DS; required: roles ext)
 *  admit(account): claim KeyPackage ─► commit Add ─► DS: ACCEPTED ─► merge, Welcome out
 *                                                └─► STALE_EPOCH ─► discard, catch up, try again
 *  every member: poll() ─► process(envelope):
 *      proposal ─► stored          commit ─► stage ─► RolePolicy ─► merge | discard + reject
 *      media, signature ─► MediaCarriage (spec §2.7)    end (from a host) ─► erase everything
 *  each new epoch: base_key = MLS-Exporter(...) ─► MediaProtector.install; security code
 * </pre>
 *
 * <p>Every {@code process} of hostile input throws a {@link SealmeetException} subtype and leaves
 * the meeting as it was. Not thread-safe: one thread drives a member.
 *
 * <p><b>Saved state.</b> With a {@link MeetingRuntime#store() store}, the member's state and send
 * counter marks are written through it before use; {@link #resume} continues after a restart.
 */
public final class Meeting implements AutoCloseable {
  /** How many rejections {@link #rejected()} keeps. */
  public static final int MAX_REJECTED = 64;

  /** Where this member stands. */
  public enum Status {
    /** In the meeting. */
    ACTIVE,
    /** Removed, or left; late frames of kept epochs still decrypt within the grace. */
    GONE,
    /** The meeting was ended by a host, or this member closed it: every key is erased. */
    ENDED
  }

  // The member's state, shared with its procedures in Commits (own changes) and Inbox (receiving);
  // one thread drives a member, so no locking.
  final MeetingClient client;
  final DeliveryService ds;
  final MlsGroup group;
  final MediaProtector media;
  final MediaCarriage carriage;
  final Commits commits = new Commits(this);
  final Inbox inbox = new Inbox(this);
  final MeetingEvents tell = new MeetingEvents(this);
  final MemberIdentities identities = new MemberIdentities(this);
  final Maintenance maintenance = new Maintenance(this);
  final List<ReceivedProposal> received = new ArrayList<>();
  final Roster roster = new Roster();
  final List<SealmeetException> rejected = new ArrayList<>();
  long rejectedCount;
  Roles roles;
  long nextSequence;
  Status status = Status.ACTIVE;
  Stall stall;
  byte[] successor;
  byte[] successorAdmitterKey;
  final MeetingSaver saver;
  boolean sendBlocked; // resumed older: no send until an own commit
  boolean unsaved; // a change not saved yet

  Meeting(MeetingClient client, DeliveryService ds, MlsGroup group, long nextSequence,
      MeetingSaver saver, MeetingStart.Resumed resumed)
      throws DecodeException, MeetingRuleException {
    this.client = client;
    this.ds = ds;
    this.group = group;
    this.nextSequence = nextSequence;
    this.saver = saver;
    this.sendBlocked = resumed.sendBlocked();
    this.roles = Roles.in(group.context().extensions()).orElseThrow(
        () -> new DecodeException("the group has no roles extension: not a meeting"));
    this.media = MeetingStart.mediaPlane(client.options(), group, saver);
    this.carriage = new MediaCarriage(this); // before any epoch's keys: it reads its leaf keys
    tell.metrics().attachMedia(new MediaStatsCounters(media));
    resumed.installPast(media, group.epoch());
    inbox.installEpoch(java.util.Set.of());
    identities.introduceAll();
  }

  /**
   * Opens a meeting with {@code host} as its only member and host, and registers it with {@code
   * ds}.
   *
   * @throws SealmeetException if the group cannot be created with the meeting's extensions
   */
  public static Meeting open(MeetingClient host, DeliveryService ds) throws SealmeetException {
    return MeetingStart.open(host, ds);
  }

  /**
   * Continues this client's membership of meeting {@code meetingId} from the newest state its
   * {@link MeetingRuntime#store() store} holds, after a restart: the MLS group with any commit that
   * was in flight (merged once the log shows it ordered), the delivery-service position, the
   * proposals received, what was owed to the log, and the send counters, which continue above
   * every mark reserved. Call {@link #poll()} next; media can be sent at once.
   *
   * @throws StorageException if nothing is saved, the store fails, or the saved state is older
   *     than the newest the store has written (a rollback: see {@link #resumeOlder})
   * @throws SealmeetException if the saved state is damaged or is not this client's
   * @throws IllegalStateException if the client's runtime has no store
   */
  public static Meeting resume(MeetingClient client, DeliveryService ds, byte[] meetingId)
      throws SealmeetException {
    return MeetingStart.resume(client, ds, meetingId, false);
  }

  /**
   * As {@link #resume}, also from a state older than the newest the store has written (from a
   * backup, say). The member may have sent in the lost state's epochs, so it sends nothing until
   * its own commit ({@link #update()}) has moved the group to an epoch it never held.
   */
  public static Meeting resumeOlder(MeetingClient client, DeliveryService ds, byte[] meetingId)
      throws SealmeetException {
    return MeetingStart.resume(client, ds, meetingId, true);
  }

  /** Writes this member's state through its store now; on failure the change is not used. */
  void save() throws StorageException {
    saver.save(this);
    unsaved = false;
  }

  // ------------------------------------------------------------------ state

  /** The meeting id (the MLS group id). */
  public byte[] id() {
    return group.groupId();
  }

  /** The current epoch. */
  public long epoch() {
    return group.epoch();
  }

  /** This member's status. */
  public Status status() {
    return status;
  }

  /** This member's leaf index. */
  public long ownLeaf() {
    return group.ownLeafIndex();
  }

  /** This member's account. */
  public String account() {
    return client.account();
  }

  /** The current roles (a GroupContext extension every member agrees on). */
  public Roles roles() {
    return roles;
  }

  /** The role of the member at {@code leaf}. */
  public Role roleOf(long leaf) {
    return roles.roleOf(Guards.memberAt(this, leaf));
  }

  /** The members by leaf, as the verifier vouches for them now (see {@link #revokedMembers()}). */
  public Map<Long, VerifiedIdentity> roster() {
    return identities.roster();
  }

  /** The leaf of {@code account}, if it is a member. */
  public OptionalLong leafOf(String account) {
    return identities.leafOf(account);
  }

  /** Members whose credential no longer verifies ({@link MeetingListener#identityRevoked}). */
  public java.util.Set<Long> revokedMembers() {
    return identities.revoked();
  }

  /** This member's counters and gauges, readable from any thread. */
  public MeetingMetrics metrics() {
    return tell.metrics();
  }

  /** The security code of the current epoch (RFC 9420 §8.7 epoch authenticator). */
  public String securityCode() {
    return roster.code(group.epoch());
  }

  /** The security code this member showed in each epoch it was in. */
  public Map<Long, String> securityCodes() {
    return roster.codes();
  }

  /** Roster changes as this member merged them. */
  public List<RosterEvent> events() {
    return roster.events();
  }

  /**
   * The last {@link #MAX_REJECTED} messages {@link #poll()} rejected (hostile or broken), oldest
   * first; older ones are dropped, so whoever can submit cannot grow a member's heap.
   */
  public List<SealmeetException> rejected() {
    return List.copyOf(rejected);
  }

  /** How many messages {@link #poll()} rejected in all. */
  public long rejectedCount() {
    return rejectedCount;
  }

  /** The media protector: protect and unprotect frames under this meeting's keys. */
  public MediaProtector media() {
    return media;
  }

  /** The next sequence number this member will read (for reconnection). */
  public long nextSequence() {
    return nextSequence;
  }

  // ------------------------------------------------------------------ changes

  /**
   * Admits {@code account} from the lobby: claims its KeyPackage, commits an Add and sends the
   * Welcome. If another commit wins the epoch, catches up and tries again on the new one.
   *
   * @throws MeetingRuleException if this member may not admit
   * @throws SealmeetException if there is no KeyPackage, it is refused, or every attempt lost
   */
  public void admit(String account) throws SealmeetException {
    admitAll(List.of(account));
  }

  /**
   * Admits several accounts from the lobby in one commit, with one Welcome naming them all.
   *
   * @throws MeetingRuleException if this member may not admit
   * @throws SealmeetException if a KeyPackage is missing or refused, or every attempt lost
   */
  public void admitAll(List<String> accounts) throws SealmeetException {
    commits.admitAll(accounts);
  }

  /**
   * An invitation to this meeting naming this member as the admitter (spec §3.3): a guest who
   * enters with it joins only from a Welcome this member signed, into a group where it may admit.
   *
   * @throws MeetingRuleException if this member may not admit
   */
  public Invitation invitation() throws MeetingRuleException {
    Guards.requireRole(this, Role::mayAdmit, MeetingRule.ADD_WITHOUT_RIGHT, "invite");
    return Invitation.of(group.groupId(), client.identity().signaturePublicKey());
  }

  /**
   * Removes the member at {@code leaf}.
   *
   * @throws MeetingRuleException if this member may not remove others
   * @throws SealmeetException if every attempt lost the race
   */
  public void remove(long leaf) throws SealmeetException {
    Guards.requireRole(this, Role::mayRemove, MeetingRule.REMOVE_WITHOUT_RIGHT, "remove");
    commits.remove(leaf);
  }

  /**
   * Removes the member with {@code account} (as {@link #roster()} names it).
   *
   * @throws MeetingRuleException if this member may not remove others ({@code
   *     REMOVE_WITHOUT_RIGHT}), or no member has that account ({@code NOT_IN_MEETING})
   * @throws SealmeetException if every attempt lost the race
   */
  public void remove(String account) throws SealmeetException {
    remove(Guards.removableLeaf(this, account));
  }

  /**
   * Polls, rechecks identities and applies the options' {@link MeetingPolicy} on the injected
   * clock; the control thread calls it every few seconds.
   *
   * @throws SealmeetException if a commit it made failed (the meeting is as before it)
   */
  public MeetingPolicy.Action maintain() throws SealmeetException {
    return maintenance.run();
  }

  /**
   * Gives the member at {@code leaf} the role {@code role} (hosts only): one commit replacing the
   * roles GroupContext extension, which every member checks against the roles of the epoch it was
   * made in (spec §3.2). {@link Role#PARTICIPANT} drops the member's entry. Retries on a newer
   * epoch if another commit wins.
   *
   * @throws MeetingRuleException if this member may not assign roles ({@code
   *     ROLES_CHANGE_WITHOUT_RIGHT}), {@code leaf} is not a member ({@code NOT_IN_MEETING}), or no
   *     present member would be a host afterwards ({@code NO_HOST_LEFT})
   * @throws SealmeetException if every attempt lost the race
   */
  public void assignRole(long leaf, Role role) throws SealmeetException {
    commits.assignRole(leaf, role);
  }

  /**
   * Commits the proposals received in this epoch (a member's leave, the delivery service's Remove
   * of a dropped client), if any.
   *
   * @return whether there was anything to commit
   */
  public boolean commitPending() throws SealmeetException {
    return commits.commitPending();
  }

  /**
   * Refreshes this member's leaf with an empty commit and a new path (post-compromise security,
   * RFC 9420 §12.4); any member may. Retries on a newer epoch if another commit wins.
   */
  public void update() throws SealmeetException {
    commits.update();
  }

  MlsGroup group() {
    return group;
  }

  /**
   * Leaves: proposes this member's own removal (RFC 9420 §12.1.3), for another member to commit.
   * Once that commit arrives, the status becomes {@link Status#GONE}.
   *
   * @throws MeetingRuleException {@code NO_HOST_LEFT} if this member is the only host present:
   *     it first makes someone else host ({@link #assignRole}) or ends the meeting ({@link #end})
   */
  public void leave() throws SealmeetException {
    commits.leave();
  }

  /**
   * Ends the meeting for everyone (host only): an end message only a member can have written,
   * then this member erases every key.
   */
  public void end() throws SealmeetException {
    Guards.requireRole(this, Role::mayEnd, MeetingRule.END_WITHOUT_RIGHT, "end");
    commits.sendEnd(new byte[0]);
  }

  /**
   * Opens a new meeting with this member as its host, then ends this one for everyone, naming the
   * new one in the end message: each member that processes it learns the new meeting's id
   * ({@link #successor()}) and may wait in its lobby ({@link LobbyGuest#enter}); this host admits
   * whom it chooses. The way out of a {@link Stall} where every honest member rejected the
   * commit (they are all still in this epoch): the new meeting starts without the committer the
   * stall names, and without whatever the delivery service ordered after it. Host only; works
   * while stalled.
   *
   * @return the new meeting, with this member as host in its first epoch
   * @throws MeetingRuleException if this member may not end the meeting
   */
  public Meeting restart() throws SealmeetException {
    Guards.requireRole(this, Role::mayEnd, MeetingRule.END_WITHOUT_RIGHT, "restart");
    Meeting next = open(client, ds);
    commits.sendEnd(next.id());
    return next;
  }

  /**
   * The meeting a host named when it ended this one with {@link #restart()}, once this member has
   * processed that end; empty for a plain {@link #end()}.
   */
  public Optional<byte[]> successor() {
    return Optional.ofNullable(successor).map(byte[]::clone);
  }

  /**
   * The invitation to the successor meeting ({@link #successor()}), naming as admitter the host
   * that ended this one: the end message is authenticated by its leaf, so its signature key is
   * known here.
   */
  public Optional<Invitation> successorInvitation() {
    return successor == null ? Optional.empty()
        : Optional.of(Invitation.of(successor, successorAdmitterKey));
  }

  // ------------------------------------------------------------------ receiving

  /**
   * Sends what this member owes the log (the Welcome of a merged commit whose answer was lost),
   * then reads the log from {@link #nextSequence()} and processes every envelope. Rejected
   * envelopes change nothing and are kept in {@link #rejected()}. If this member's commit in
   * flight is in the log, it is merged; if another commit of its epoch is, it is dropped.
   *
   * @return the media frames that decrypted
   * @throws TransportException if the delivery service cannot be reached; what was read before
   *     stays read, {@link #nextSequence()} says where the next poll starts
   */
  public List<ReceivedFrame> poll() throws TransportException, StorageException {
    return inbox.poll();
  }

  /**
   * The first commit the delivery service ordered for this member's epoch that this member
   * rejected, if any (see {@link Stall}); found by {@link #poll}, which reads the delivery
   * service's order. Once present, {@link #admit}, {@link #remove}, {@link #assignRole}, {@link
   * #update}, {@link #leave} and {@link #commitPending} (when it has something to commit) throw
   * {@link MeetingRule#STALLED}.
   */
  public Optional<Stall> stall() {
    return Optional.ofNullable(stall);
  }

  /**
   * Processes one envelope the delivery service pushed ({@link DeliveryService#subscribe}), as
   * bytes with its sequence number inside. The envelope at {@link #nextSequence()} is processed
   * and advances it by one, also when it is rejected (it is then recorded in {@link #rejected()},
   * as {@link #poll()} records it, and thrown); one below it was processed already and is
   * ignored; one above it is refused, so a later {@link #poll()} neither replays what was pushed
   * nor skips what was not.
   *
   * @return the frame, for a media envelope of another member that decrypted; empty for one the
   *     media plane holds for an epoch not installed yet, which {@code media().drainReleased()}
   *     returns once it is (a push-driven client calls it after each {@code process})
   * @throws DecodeException if the bytes are no envelope; nothing changes
   * @throws MeetingRuleException {@code SEQUENCE_GAP} for an envelope above {@link
   *     #nextSequence()}, {@code UNEXPECTED_ENVELOPE} for one of another meeting or without
   *     sequence number, {@code NOT_IN_MEETING} once ended; nothing changes
   * @throws SealmeetException if the next envelope is malformed or breaks a rule: the meeting is
   *     unchanged but for its {@link #nextSequence()}
   */
  public Optional<ReceivedFrame> process(byte[] envelope) throws SealmeetException {
    return inbox.receive(envelope);
  }

  // ------------------------------------------------------------------ media

  /** As {@link #send(MediaKind, long, byte[])} on {@code kind}'s stream: 1 audio, 2 video. */
  public byte[] send(MediaKind kind, byte[] frame)
      throws MeetingRuleException, TransportException {
    return send(kind, MediaCarriage.streamOf(kind), frame);
  }

  /**
   * Protects {@code frame} under the current epoch and hands it to the delivery service for
   * fan-out; if the meeting requires sender authentication (spec §2.7), records its tag on {@code
   * stream} (a uint32: one per track and per SVC or simulcast layer) and sends the signature
   * frames due after it.
   *
   * @return the SFrame bytes sent
   * @throws TransportException if the answer is lost; the frame is not sent again (its nonce is
   *     used); {@link IllegalArgumentException} if {@code stream} is not a uint32
   */
  public byte[] send(MediaKind kind, long stream, byte[] frame)
      throws MeetingRuleException, TransportException {
    Guards.requireActive(this);
    return carriage.send(kind, stream, frame);
  }

  /**
   * This meeting's sender authentication (spec §2.7) if its group requires it, driven by the
   * meeting: {@link SenderAuthentication#status} tells a received frame's status; media routed
   * outside the delivery service goes through it to be signed and classified.
   */
  public Optional<SenderAuthentication> senderAuthentication() {
    return carriage.auth();
  }

  /**
   * Erases every key: the group's epochs and the media keys, and the member's saved state (a
   * closed meeting cannot be resumed; to restart later, drop the object without closing it).
   * Idempotent.
   */
  @Override
  public void close() {
    media.close();
    group.close();
    received.clear();
    if (status != Status.ENDED) {
      status = Status.ENDED;
      try {
        saver.erase();
      } catch (StorageException e) {
        tell.storageFailed(e);
      }
    }
    tell.ended();
  }

  /** Epoch, leaf and status only. */
  @Override
  public String toString() {
    return "Meeting[epoch " + group.epoch() + ", leaf " + group.ownLeafIndex() + ", " + status
        + "]";
  }
}
