package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's own changes to its meeting: commits built to pass every other member's {@link
 * RolePolicy}, submitted to the delivery service and merged once accepted (retried on a newer
 * epoch when another commit wins), its leave proposal, and the end message. The state is the
 * {@link Meeting}'s; this class holds the procedures and what is in flight.
 *
 * <pre>
 * change(op) ─► settle: poll (the log may merge or supersede the commit in flight)
 *                       ─► still in flight? re-submit it with its submit id
 *                       ─► it completed op? done
 *            ─► commit ─► in flight ─► submit ─► ACCEPTED ─► merge, Welcome to the outbox, flush
 *                                           ├─► STALE_EPOCH ─► discard, next attempt
 *                                           ├─► REFUSED ─► discard, throw
 *                                           └─► TransportException ─► stays in flight, thrown
 * </pre>
 */
final class Commits {
  private final Meeting m;
  /** The own commit submitted whose outcome is not known yet; its MLS commit is pending. */
  private InFlight inFlight;
  /** An in-flight commit that a later read or re-submit merged, until its operation asks. */
  private Completed completed;
  /** Envelopes owed to the log whatever happens (the Welcome of a merged commit), in order. */
  private final List<byte[]> outbox = new ArrayList<>();
  /** KeyPackages claimed for an admission not merged yet, by account: reused on a retry. */
  private final Map<String, KeyPackage> claimed = new LinkedHashMap<>();
  /** The own leave proposal submitted whose outcome is not known yet. */
  private PendingLeave leave;
  private long leaveOrderedEpoch = -1;

  Commits(Meeting meeting) {
    this.m = meeting;
  }

  /** What a caller asked for; a call equal to the one in flight is its retry. */
  record Operation(String kind, Object argument) {
    /** The operation of a commit restored from a store: no later call is its retry. */
    static final Operation RESUMED = new Operation("resumed", "");
  }

  /**
   * An own commit submitted, with what it owes once ordered: the Welcome of the members it admits
   * (null if none). {@code result} is null for one restored from a {@link MeetingStore}.
   */
  record InFlight(Operation operation, byte[] envelope, byte[] commit,
      CommitResult result, SignedWelcome welcome, List<String> admits) {}

  /**
   * A commit's Welcome signed by its admitter, for the epoch after {@code epoch}; its envelope is
   * built once the commit's sequence number is known.
   */
  record SignedWelcome(long epoch, List<String> recipients, byte[] welcome, byte[] signature) {}

  private record Completed(Operation operation, CommitResult result) {}

  record PendingLeave(long epoch, byte[] envelope, byte[] proposal) {}

  /** Builds the Welcome a commit owes, or null if it admits nobody. */
  private interface WelcomeFor {
    SignedWelcome of(CommitResult result);
  }

  void admitAll(List<String> accounts) throws SealmeetException {
    Operation op = new Operation("admit", List.copyOf(accounts));
    if (settle(op).isPresent()) {
      return;
    }
    Guards.requireRole(m, Role::mayAdmit, MeetingRule.ADD_WITHOUT_RIGHT, "admit");
    CommitRequest request = CommitRequest.empty();
    List<Credential> admitted = new ArrayList<>();
    for (String account : accounts) {
      KeyPackage keyPackage = claimed.get(account);
      if (keyPackage == null) {
        keyPackage = claim(account);
        claimed.put(account, keyPackage);
      }
      request = request.add(keyPackage);
      admitted.add(keyPackage.leafNode().credential());
    }
    CommitRequest adds = request;
    commitWithRetry(op, () -> new Change(adds, admitted, m.roles), result -> {
      byte[] welcome = result.welcome().orElseThrow().toBytes();
      byte[] signature = m.client.identity().signWithLabel(m.client.suite(),
          Invitation.WELCOME_LABEL, Invitation.welcomeToBeSigned(m.group.groupId(), welcome));
      return new SignedWelcome(m.group.epoch(), List.copyOf(accounts), welcome, signature);
    }, List.copyOf(accounts));
  }

  private KeyPackage claim(String account) throws SealmeetException {
    KeyPackageEntry entry = m.ds.claimKeyPackage(m.group.groupId(), account).orElseThrow(
        () -> new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
            "no KeyPackage in the directory for an account"));
    MlsMessage message = MlsMessage.fromBytes(entry.keyPackage());
    if (!(message.body() instanceof KeyPackage keyPackage)) {
      throw new DecodeException("the directory entry is not a KeyPackage");
    }
    return keyPackage;
  }

  void assignRole(long leaf, Role role) throws SealmeetException {
    commitWithRetry(new Operation("role", List.of(leaf, role)), () -> {
      Guards.requireRole(m, Role::mayAssignRoles, MeetingRule.ROLES_CHANGE_WITHOUT_RIGHT, "assign roles");
      Map<Long, Credential> members = m.group.members();
      Credential member = members.get(leaf);
      if (member == null) {
        throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING,
            "leaf " + leaf + " is not a member");
      }
      Roles next = m.roles.with(member, role);
      if (!hostPresent(next, -1)) {
        throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
            "no member would be a host after leaf " + leaf + " becomes " + role);
      }
      return new Change(CommitRequest.empty(), List.of(), next);
    }, result -> null, List.of());
  }

  /**
   * Removes the member at {@code leaf}: by a Remove of its own, or by committing the Remove
   * already proposed for it in this epoch (a leave, the delivery service's), never both (RFC 9420
   * §12.2: one Remove per leaf).
   */
  void remove(long leaf) throws SealmeetException {
    commitWithRetry(new Operation("remove", leaf), () -> {
      if (!m.group.members().containsKey(leaf)) {
        throw new MeetingRuleException(MeetingRule.NOT_IN_MEETING,
            "leaf " + leaf + " is not a member");
      }
      boolean proposed = m.received.stream().anyMatch(
          p -> p.proposal() instanceof RemoveProposal r && r.removed() == leaf);
      return new Change(proposed ? CommitRequest.empty() : CommitRequest.empty().remove(leaf),
          List.of(), m.roles);
    }, result -> null, List.of());
  }

  void update() throws SealmeetException {
    commit(new Operation("update", ""), CommitRequest.empty().forcePath());
  }

  boolean commitPending() throws SealmeetException {
    Operation op = new Operation("pending", "");
    if (settle(op).isPresent()) {
      return true;
    }
    if (m.group.pendingProposalCount() == 0 || m.status != Meeting.Status.ACTIVE) {
      return false;
    }
    commit(op, CommitRequest.empty());
    return true;
  }

  private void commit(Operation op, CommitRequest request) throws SealmeetException {
    commitWithRetry(op, () -> new Change(request, List.of(), m.roles), result -> null,
        List.of());
  }

  void leave() throws SealmeetException {
    Guards.requireActive(m);
    Guards.requireNotStalled(m);
    long own = m.group.ownLeafIndex();
    if (m.roles.roleOf(m.group.members().get(own)) == Role.HOST && !hostPresent(m.roles, own)) {
      throw new MeetingRuleException(MeetingRule.NO_HOST_LEFT,
          "the only host present may not leave: assign another host first, or end the meeting");
    }
    for (int attempt = 0; attempt < m.client.options().maxAttempts(); attempt++) {
      if (leaveOrderedEpoch == m.group.epoch()) {
        return;
      }
      if (leave == null || leave.epoch() != m.group.epoch()) {
        MlsMessage proposal = m.group.proposeRemove(own);
        leave = new PendingLeave(m.group.epoch(), Envelopes.bytes(Envelopes.handshake(
            m.group.groupId(), Handshake.PROPOSAL, m.group.epoch(), proposal)),
            proposal.toBytes());
        try {
          m.save();
        } catch (StorageException e) {
          leave = null; // never submitted: a later call proposes again
          throw e;
        }
      }
      SubmitResult result = m.ds.submit(leave.envelope());
      if (result.status() == SubmitStatus.REFUSED) {
        leave = null;
        throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
            "the delivery service refused the leave: " + result.reason());
      }
      if (result.status() == SubmitStatus.ACCEPTED) {
        leaveOrdered();
        m.save();
        return;
      }
      leave = null;
      m.poll();
      Guards.requireActive(m);
    }
    throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "leave lost "
        + m.client.options().maxAttempts() + " races for an epoch");
  }

  private void leaveOrdered() {
    long own = m.group.ownLeafIndex();
    m.received.add(new ReceivedProposal(m.group.epoch(), Sender.member(own),
        new RemoveProposal(own), new byte[0]));
    leaveOrderedEpoch = m.group.epoch();
    leave = null;
  }

  /**
   * The log shows a proposal of this member in its current epoch: if it is the leave in flight,
   * the leave is ordered (its answer was lost).
   */
  void ownProposalOrdered(byte[] proposal) {
    if (leave != null && leave.epoch() == m.group.epoch()
        && Arrays.equals(leave.proposal(), proposal)) {
      leaveOrdered();
    }
  }

  /**
   * Commits the proposals pending in this epoch first (RFC 9420 §12.4: a commit before application
   * data), or an empty commit if this member may not send in the epoch (resumed from an older
   * copy: the application generation the end needs may have been used), then sends the end;
   * erases every key whatever happens. Only while stalled can no end be sent (spec §9).
   */
  void sendEnd(byte[] successorId) throws SealmeetException {
    try {
      m.poll();
      if (m.status == Meeting.Status.ACTIVE && m.stall == null
          && (m.group.pendingProposalCount() > 0 || m.sendBlocked)) {
        commit(new Operation("end", ""), m.group.pendingProposalCount() > 0
            ? CommitRequest.empty() : CommitRequest.empty().forcePath());
      }
      if (m.status == Meeting.Status.ACTIVE && m.group.pendingProposalCount() == 0
          && m.group.status() == MlsGroup.Status.ACTIVE && !m.sendBlocked) {
        MlsMessage message = m.group.protect(EndMessage.encode(successorId), new byte[0]);
        m.save(); // the generation the end used is durable before the end leaves
        m.ds.submit(Envelopes.bytes(Envelopes.ended(m.group.groupId(), m.group.epoch(),
            message)));
      }
    } finally {
      if (successorId.length > 0) {
        m.successor = successorId.clone();
        m.successorAdmitterKey = m.client.identity().signaturePublicKey();
      }
      m.close();
    }
  }

  /** Builds a commit request against the current epoch (roles and members may have changed). */
  private interface RequestBuilder {
    Change build() throws SealmeetException;
  }

  /**
   * A change against the current epoch: its proposals by value except roles, the credentials it
   * admits, and the roles it wants (the current ones if it changes none).
   */
  private record Change(CommitRequest request, List<Credential> admitted, Roles roles) {}

  /**
   * Settles what a lost answer left open: reads the log (which merges the commit in flight if it
   * was ordered, or supersedes it), re-submits a commit still in flight with its submit id, and
   * sends what the outbox owes.
   *
   * @return the commit's result if the commit in flight was merged and was a call of {@code op}
   * @throws TransportException if the log or the delivery service cannot be reached; the commit
   *     stays in flight
   */
  private Optional<CommitResult> settle(Operation op) throws SealmeetException {
    m.poll();
    if (inFlight != null && m.status == Meeting.Status.ACTIVE) {
      long base = m.group.epoch();
      SubmitResult result = m.ds.submit(inFlight.envelope());
      if (result.status() == SubmitStatus.ACCEPTED) {
        mergeInFlight(result.sequence());
      } else {
        discardInFlight();
        if (result.status() == SubmitStatus.REFUSED && !decidedLater(result, base)) {
          throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
              "the delivery service refused the commit: " + result.reason());
        }
      }
    }
    Completed done = completed;
    if (done == null) {
      return Optional.empty();
    }
    flushOutbox();
    completed = null;
    return done.operation().equals(op) ? Optional.of(done.result()) : Optional.empty();
  }

  /**
   * Commits the change with the stored proposals this member may commit. A former member's roles
   * entry naming a credential it admits is dropped in the same commit (a host's right), so no role
   * passes to the re-admitted member.
   */
  private CommitResult commitWithRetry(Operation op, RequestBuilder builder, WelcomeFor welcomeFor,
      List<String> admits) throws SealmeetException {
    long started = m.tell.now();
    for (int attempt = 0; attempt < m.client.options().maxAttempts(); attempt++) {
      Optional<CommitResult> settled = settle(op);
      if (settled.isPresent()) {
        m.tell.committed(started);
        return settled.get();
      }
      Guards.requireActive(m);
      Guards.requireNotStalled(m);
      Change change = builder.build();
      long base = m.group.epoch();
      long own = m.group.ownLeafIndex();
      Map<Long, Credential> members = m.group.members();
      Role mine = m.roles.roleOf(members.get(own));
      Roles target = change.roles();
      for (Credential admitted : change.admitted()) {
        target = target.with(admitted, Role.PARTICIPANT);
      }
      if (!target.equals(change.roles()) && !mine.mayAssignRoles()) {
        throw new MeetingRuleException(MeetingRule.ROLE_OUTLIVES_MEMBER, "a " + mine
            + " may not admit a former member whose role is still listed; a host drops it first");
      }
      CommitRequest request = change.request().includeStored(RolePolicy::mayCommit);
      if (!target.equals(m.roles)) {
        request = request.groupContextExtensions(target.replaceIn(m.group.context().extensions()));
      }
      CommitResult result = m.group.commit(request);
      inFlight = new InFlight(op, Envelopes.bytes(Envelopes.commit(m.group.groupId(), base,
          result.commit(), m.group.pendingGroupInfo(true))), result.commit().toBytes(), result,
          welcomeFor.of(result), admits);
      try {
        m.save(); // the commit and its next epoch are durable before anyone can order it
      } catch (StorageException e) {
        inFlight = null; // never submitted: no later call may submit what was not saved
        m.group.discardPendingCommit();
        throw e;
      }
      SubmitResult submitted = m.ds.submit(inFlight.envelope());
      if (submitted.status() == SubmitStatus.REFUSED && !decidedLater(submitted, base)) {
        discardInFlight();
        throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE,
            "the delivery service refused the commit: " + submitted.reason());
      }
      if (submitted.status() == SubmitStatus.ACCEPTED) {
        mergeInFlight(submitted.sequence());
        m.tell.committed(started);
        flushOutbox();
        completed = null;
        return result;
      }
      discardInFlight();
      m.tell.commitRetried(base);
    }
    throw new MeetingRuleException(MeetingRule.UNEXPECTED_ENVELOPE, "the change lost "
        + m.client.options().maxAttempts() + " races for an epoch");
  }

  /**
   * Whether the delivery service judged a commit of epoch {@code base} against a later epoch: a
   * lost race, as {@code STALE_EPOCH} is (spec [SM-DS-9]). The next round reads the log, which
   * shows, for example, that this member was removed in {@code base}.
   */
  private static boolean decidedLater(SubmitResult result, long base) {
    return Long.compareUnsigned(result.epoch(), base) > 0;
  }

  /** Whether {@code commit} (MLSMessage bytes) is this member's commit in flight. */
  boolean inFlight(byte[] commit) {
    return inFlight != null && m.group.hasPendingCommit()
        && Arrays.equals(inFlight.commit(), commit);
  }

  /**
   * Merges the commit in flight: its answer said ACCEPTED, or the log shows it at {@code
   * sequence}. Its follow-ups go to the outbox; a later call of its operation returns its result.
   */
  void mergeInFlight(long sequence) throws SealmeetException {
    InFlight merged = inFlight;
    SignedWelcome w = merged.welcome();
    List<byte[]> owed = w == null ? List.of() : List.of(Envelopes.bytes(Envelopes.welcome(
        m.group.groupId(), w.epoch() + 1, w.recipients(), w.welcome(), w.signature(), sequence)));
    Map<Long, Credential> before = m.group.members();
    List<ReceivedProposal> proposals = List.copyOf(m.received);
    long own = m.group.ownLeafIndex();
    inFlight = null;
    m.group.mergePendingCommit();
    if (merged.result() != null) {
      // made in this life: an epoch this member never held before, so its counters are fresh. A
      // commit restored from a store may be one a newer, lost copy merged and sent in already.
      m.sendBlocked = false;
    }
    merged.admits().forEach(claimed::remove);
    outbox.addAll(owed);
    completed = merged.result() == null ? null
        : new Completed(merged.operation(), merged.result());
    m.inbox.afterMerge(before, proposals, own);
    m.save();
  }

  private void discardInFlight() throws StorageException {
    inFlight = null;
    m.group.discardPendingCommit();
    m.save();
  }

  /** Another member's commit of the epoch was merged: the MLS group dropped the own pending one. */
  void superseded() {
    inFlight = null;
  }

  /**
   * Submits what the outbox owes, in order; an envelope leaves it once the delivery service has
   * answered (a refused Welcome cannot be mended by sending it again).
   *
   * @throws TransportException if an answer is lost; the envelope stays for the next flush
   */
  void flushOutbox() throws TransportException, StorageException {
    if (outbox.isEmpty()) {
      return;
    }
    while (!outbox.isEmpty()) {
      m.ds.submit(outbox.get(0));
      outbox.remove(0);
    }
    m.save();
  }

  /** What {@link MeetingState} saves and restores. */
  InFlight inFlightNow() {
    return inFlight;
  }

  List<byte[]> outboxNow() {
    return List.copyOf(outbox);
  }

  PendingLeave leaveNow() {
    return leave;
  }

  long leaveOrderedEpoch() {
    return leaveOrderedEpoch;
  }

  /** Restores what {@link MeetingState} read, in a meeting just resumed. */
  void restore(InFlight restoredInFlight, List<byte[]> restoredOutbox, PendingLeave restoredLeave,
      long restoredLeaveOrderedEpoch) {
    inFlight = restoredInFlight;
    outbox.addAll(restoredOutbox);
    leave = restoredLeave;
    leaveOrderedEpoch = restoredLeaveOrderedEpoch;
  }

  /** Whether a member other than the one at {@code exceptLeaf} is a host under {@code r}. */
  boolean hostPresent(Roles r, long exceptLeaf) {
    return m.group.members().entrySet().stream()
        .anyMatch(e -> e.getKey() != exceptLeaf && r.roleOf(e.getValue()) == Role.HOST);
  }

  /** Role counts only. */
  @Override
  public String toString() {
    return "Commits[" + m + "]";
  }
}
