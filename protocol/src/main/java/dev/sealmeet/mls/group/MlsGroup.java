package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.PskLookup;
import dev.sealmeet.mls.framing.VerifiedContent;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.MlsMessageBody;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One member's view of an MLS group (RFC 9420): create or join, propose, commit, process, and
 * protect application data. See the package documentation for the state machine.
 *
 * <p>All-or-nothing: a message that {@link #process} rejects, with a {@link SealmeetException}
 * subtype naming the check, leaves the group exactly as it was. A commit is never applied while
 * it is processed: {@link #process} returns a {@link StagedCommit} that {@link #merge} applies.
 * Own commits stay pending until {@link #mergePendingCommit()} or {@link #discardPendingCommit()}.
 *
 * <p>Not thread-safe: one thread at a time, or external locking. {@link #close()} erases every
 * secret the group holds.
 */
public final class MlsGroup implements AutoCloseable {
  /** Resumption PSKs kept of past epochs (§8.6), for PreSharedKey proposals and branches. */
  public static final int RESUMPTION_PSKS_KEPT = 16;

  private final MlsSuite suite;
  private final SigningIdentity identity;
  private final GroupConfig config;
  private final PskStore psks;
  private final MemberChecks checks;
  private final ProposalStore proposals = new ProposalStore();
  private final PastEpochs pastEpochs;
  private final TreeMap<Long, Secret> resumptionPsks = new TreeMap<>();
  private EpochState current;
  private dev.sealmeet.mls.message.ReInitProposal reInit;
  private PendingCommit pending;
  private Status status = Status.ACTIVE;

  /** Where the group stands in its life. */
  public enum Status {
    /** A member that can send and receive. */
    ACTIVE,
    /** A commit removed this member; only late application messages of kept epochs decrypt. */
    REMOVED,
    /** A ReInit was committed; the group waits to be replaced by its successor (§11.2). */
    REINIT_PENDING,
    /** {@link #close()} erased the group. */
    CLOSED
  }

  MlsGroup(MlsSuite suite, SigningIdentity identity, GroupConfig config, PskStore psks,
      EpochState state) {
    this.suite = suite;
    this.identity = identity;
    this.config = config;
    this.psks = psks;
    this.checks = new MemberChecks(suite, config);
    this.current = state;
    this.pastEpochs = new PastEpochs(config.pastEpochs());
  }

  /**
   * Creates a one-member group (RFC 9420 §11) with this client's KeyPackage leaf at leaf 0, epoch
   * 0 and a random epoch secret.
   *
   * @param own this client's KeyPackage and its private keys; its leaf becomes leaf 0
   * @param identity the identity that signed {@code own}
   * @param groupId the group id; RFC 9420 §11 suggests {@code KDF.Nh} random bytes
   * @param extensions the GroupContext extensions
   * @param psks the client's external PSKs (may be shared by its groups)
   * @throws GroupRuleException if the creator's leaf does not support {@code extensions}
   * @throws IllegalArgumentException if {@code identity} did not sign {@code own}
   */
  public static MlsGroup create(KeyPackageBundle own, SigningIdentity identity, byte[] groupId,
      List<Extension> extensions, PskStore psks, GroupConfig config) throws GroupRuleException {
    return GroupCreation.create(own, identity, groupId, extensions, psks, config);
  }

  /**
   * Joins a group from a Welcome (RFC 9420 §12.4.3.1), with full validation of the ratchet tree.
   *
   * @param welcome the Welcome, as an MLSMessage
   * @param own the KeyPackage the Welcome was made for, with its private keys
   * @param ratchetTree the tree, if it came out of band; otherwise the Welcome must carry it
   * @throws SealmeetException subtypes naming the check that failed; nothing is kept
   */
  public static MlsGroup join(MlsMessage welcome, KeyPackageBundle own, SigningIdentity identity,
      Optional<RatchetTree> ratchetTree, PskStore psks, GroupConfig config)
      throws SealmeetException {
    WelcomeJoin.Joined joined = WelcomeJoin.join(welcome, own, identity, ratchetTree, psks,
        psks.lookup(PskStore.none()), config);
    if (Resumption.special(joined.psks()).isPresent()) {
      joined.group().close();
      throw new GroupRuleException(GroupRule.RESUMPTION_PSK_MISUSED, "the Welcome starts a"
          + " reinitialized or branched group; join it through the old group (joinResumed)");
    }
    return joined.group();
  }

  /**
   * Joins a group by external commit (RFC 9420 §12.4.3.2) from its signed GroupInfo, which must
   * carry {@code external_pub}. Send {@link ExternalJoinResult#commit()} to the group.
   *
   * @param groupInfo the GroupInfo, as an MLSMessage
   * @param ratchetTree the tree, if it is not in the GroupInfo
   * @param capabilities what this client supports (its leaf's capabilities)
   * @param resyncRemove the leaf of this client's old self to remove ("resync"), if any
   * @param pskIds PSKs to inject, which {@code psks} must hold
   * @throws SealmeetException subtypes naming the check that failed
   */
  public static ExternalJoinResult joinExternal(MlsMessage groupInfo,
      Optional<RatchetTree> ratchetTree, SigningIdentity identity,
      dev.sealmeet.mls.message.Capabilities capabilities, OptionalLong resyncRemove,
      List<PreSharedKeyId> pskIds, PskStore psks, GroupConfig config) throws SealmeetException {
    return ExternalJoin.join(groupInfo, ratchetTree, identity, capabilities, resyncRemove,
        pskIds, psks, config);
  }

  // ---------------------------------------------------------------- state

  /** The group id (copy). */
  public byte[] groupId() {
    return current.context.groupId();
  }

  /** The current epoch. */
  public long epoch() {
    return current.epoch();
  }

  /** The cipher suite. */
  public MlsSuite suite() {
    return suite;
  }

  /** This member's leaf index. */
  public long ownLeafIndex() {
    return current.ownLeaf;
  }

  /** Where the group stands. */
  public Status status() {
    return status;
  }

  /** The current GroupContext (public values). */
  public GroupContext context() {
    return current.context;
  }

  /** The current public ratchet tree. */
  public RatchetTree ratchetTree() {
    return current.tree;
  }

  /** The current members: leaf index to credential, in leaf order. */
  public Map<Long, Credential> members() {
    Map<Long, Credential> out = new LinkedHashMap<>();
    for (long leaf : current.tree.occupiedLeaves()) {
      out.put(leaf, current.tree.leaf(leaf).orElseThrow().credential());
    }
    return out;
  }

  /**
   * The current {@code epoch_authenticator} (§8.7), equal for every member of the epoch.
   *
   * @throws IllegalStateException if the group was closed, or this member removed
   */
  public byte[] epochAuthenticator() {
    requireSecrets();
    Secret value = current.secrets.epochAuthenticator();
    try {
      return value.copyBytes();
    } finally {
      value.destroy();
    }
  }

  /**
   * MLS-Exporter(label, context, length) of the current epoch (§8.5).
   *
   * @throws IllegalArgumentException if {@code length} is not in 0..65535
   * @throws IllegalStateException if the group was closed, or this member removed
   */
  public byte[] export(String label, byte[] context, int length) {
    requireSecrets();
    Secret value = current.secrets.export(label, context, length);
    try {
      return value.copyBytes();
    } finally {
      value.destroy();
    }
  }

  /** The number of proposals received in this epoch and not yet committed. */
  public int pendingProposalCount() {
    return proposals.size();
  }

  /** Whether an own commit waits for {@link #mergePendingCommit()} or discarding. */
  public boolean hasPendingCommit() {
    return pending != null;
  }

  // ---------------------------------------------------------------- receiving

  /**
   * Processes a PublicMessage or PrivateMessage for this group (§6, §12.1, §12.4.2).
   *
   * <ul>
   *   <li>application data of the current or a kept past epoch: decrypted;
   *   <li>a proposal: validated and stored for the next commit;
   *   <li>a commit: validated and staged; nothing changes until {@link #merge}.
   * </ul>
   *
   * @throws GroupRuleException naming the group rule the message breaks
   * @throws AuthenticationException naming the tag, AEAD or signature that failed
   * @throws SealmeetException other subtypes for malformed or replayed input; in every case the
   *     group is unchanged
   */
  public ProcessedMessage process(MlsMessage message) throws SealmeetException {
    requireOpen();
    MlsMessageBody body = message.body();
    byte[] groupId;
    long epoch;
    if (body instanceof PublicMessage m) {
      groupId = m.content().groupId();
      epoch = m.content().epoch();
    } else if (body instanceof PrivateMessage m) {
      groupId = m.groupId();
      epoch = m.epoch();
    } else {
      throw new ProtocolException("RFC 9420 §6",
          "expected a PublicMessage or PrivateMessage, got " + message.wireFormat());
    }
    if (!Arrays.equals(groupId, current.context.groupId())) {
      throw new GroupRuleException(GroupRule.WRONG_GROUP, "the message names another group");
    }
    if (epoch != current.epoch() || status != Status.ACTIVE) {
      return processLate(body, epoch);
    }
    // A PrivateMessage's key is deleted only once the content is accepted: a proposal or commit
    // that breaks a group rule leaves the secret tree as it was.
    VerifiedContent verified = current.protection.open(message, current.signatureKeys());
    ProcessedMessage processed;
    switch (verified.contentType()) {
      case APPLICATION:
        processed = application(verified);
        break;
      case PROPOSAL:
        processed = ProposalApplier.receive(current, proposals, checks, verified);
        break;
      default:
        processed = new CommitProcessor(this, current, proposals, checks, pskLookup(), config)
            .process(verified);
    }
    current.protection.deleteMessageKey(verified);
    return processed;
  }

  private ProcessedMessage processLate(MlsMessageBody body, long epoch) throws SealmeetException {
    if (body instanceof PrivateMessage m && m.contentType() == ContentType.APPLICATION) {
      EpochState past = epoch == current.epoch() ? current : pastEpochs.find(epoch);
      if (past != null) {
        return application(past.protection.unprotect(MlsMessage.of(m), past.signatureKeys()));
      }
    }
    if (status != Status.ACTIVE) {
      throw new GroupRuleException(GroupRule.GROUP_INACTIVE, "the group is " + status);
    }
    throw new GroupRuleException(GroupRule.WRONG_EPOCH, "message for epoch " + epoch
        + ", the group is at epoch " + current.epoch() + " and keeps "
        + pastEpochs.size() + " past epochs for application data");
  }

  private static ApplicationMessage application(VerifiedContent verified) {
    FramedContent content = verified.framedContent();
    return new ApplicationMessage(content.epoch(), content.sender().index(),
        content.authenticatedData(), ((MessageContent.Application) content.content()).data());
  }

  /**
   * Applies a staged commit: the group moves to its epoch (§12.4.2). Received proposals and the
   * own pending commit are dropped; the old epoch's secrets are erased, except its application
   * receive keys while {@link GroupConfig#pastEpochs()} allows. A commit that removes this member
   * leaves the group {@link Status#REMOVED}: the epoch's secrets and path keys are erased at once,
   * only its application receive keys stay for late messages.
   *
   * @throws IllegalArgumentException if the commit was staged by another group or epoch
   * @throws IllegalStateException if it was merged or discarded already
   */
  public void merge(StagedCommit staged) {
    requireOpen();
    if (staged.group() != this || staged.baseEpoch() != current.epoch()) {
      throw new IllegalArgumentException("the commit was staged for epoch " + staged.baseEpoch()
          + " of another group state; this group is at epoch " + current.epoch());
    }
    if (staged.removesSelf()) {
      dropPendingCommit();
      proposals.clear();
      // Nothing of this epoch is of use any more but its late application messages (§12.4.2).
      current.retainApplicationKeys();
      status = Status.REMOVED;
      return;
    }
    EpochState next = staged.take();
    if (next == null) {
      throw new IllegalStateException("the staged commit was merged or discarded already");
    }
    advanceTo(next);
    staged.reInit().ifPresent(this::awaitReInit);
  }

  // ---------------------------------------------------------------- sending

  /**
   * Protects application data as a PrivateMessage of the current epoch (§6.3).
   *
   * @throws IllegalStateException if the group is not active, or proposals of this epoch await a
   *     commit (§12.4: commit before sending application data)
   */
  public MlsMessage protect(byte[] data, byte[] authenticatedData) {
    requireActive();
    if (proposals.size() > 0) {
      throw new IllegalStateException(proposals.size()
          + " proposals await a commit; RFC 9420 §12.4 requires one before application data");
    }
    FramedContent content = new FramedContent(current.context.groupId(), current.epoch(),
        Sender.member(current.ownLeaf), authenticatedData, new MessageContent.Application(data));
    byte[] key = identity.privateKeyCopy();
    try {
      return current.protection.protect(content, WireFormat.PRIVATE_MESSAGE, key,
          Optional.empty(), config.paddingFor(data.length));
    } catch (BadKeyException e) {
      throw new IllegalStateException("the identity's key does not fit the suite", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Proposes to add the client of {@code keyPackage} (§12.1.1); the proposal is also stored. */
  public MlsMessage proposeAdd(KeyPackage keyPackage) throws GroupRuleException {
    checks.keyPackage(keyPackage, current.tree, current.context.groupId(),
        current.context.extensions());
    return propose(new dev.sealmeet.mls.message.AddProposal(keyPackage), new byte[0]);
  }

  /** Proposes to remove the member at {@code leafIndex} (§12.1.3). */
  public MlsMessage proposeRemove(long leafIndex) throws GroupRuleException {
    if (current.tree.leaf(leafIndex).isEmpty()) {
      throw new GroupRuleException(GroupRule.REMOVE_OF_BLANK_LEAF, "leaf " + leafIndex);
    }
    return propose(new RemoveProposal(leafIndex), new byte[0]);
  }

  /** Proposes to inject the PSK {@code id} into the next epoch (§12.1.4). */
  public MlsMessage proposePsk(PreSharedKeyId id) {
    return propose(new dev.sealmeet.mls.message.PreSharedKeyProposal(id), new byte[0]);
  }

  /**
   * Proposes new GroupContext extensions (§12.1.7); a list without the group's suite definition
   * extension keeps it (Sealmeet spec §1.1).
   */
  public MlsMessage proposeGroupContextExtensions(List<Extension> extensions) {
    return propose(
        new dev.sealmeet.mls.message.GroupContextExtensionsProposal(extensions), new byte[0]);
  }

  /**
   * Proposes to reinitialize the group with new parameters (§12.1.5); into a suite IANA has not
   * assigned, the extensions carry this member's definition of it (Sealmeet spec §1.1).
   */
  public MlsMessage proposeReInit(byte[] groupId, int cipherSuite, List<Extension> extensions) {
    return propose(new dev.sealmeet.mls.message.ReInitProposal(
        groupId, current.context.version(), cipherSuite, extensions), new byte[0]);
  }

  /**
   * Proposes a fresh leaf for this member (§12.1.2): a new encryption key, same credential. The
   * new private key is kept until a commit covers the proposal or the epoch ends.
   */
  public MlsMessage proposeUpdate() {
    requireActive();
    return handshakes().proposeUpdate();
  }

  /** Signs {@code content} for this epoch in the configured handshake wire format. */
  AuthenticatedContent sign(FramedContent content, Optional<byte[]> confirmationTag) {
    return handshakes().sign(content, confirmationTag);
  }

  private Handshakes handshakes() {
    return new Handshakes(suite, identity, current, proposals, handshakeFormat());
  }

  private MlsMessage propose(Proposal proposal, byte[] authenticatedData) {
    requireActive();
    return handshakes().propose(
        SuiteBinding.carried(proposal, current.context.extensions(), config), authenticatedData);
  }

  WireFormat handshakeFormat() {
    return config.encryptHandshake() ? WireFormat.PRIVATE_MESSAGE : WireFormat.PUBLIC_MESSAGE;
  }

  /**
   * Commits the proposals received in this epoch (by reference, where valid) and those of {@code
   * request} (by value), with a Welcome for added members (§12.4). The commit stays pending: send
   * it, then {@link #mergePendingCommit()} when the delivery service confirms it, or {@link
   * #discardPendingCommit()} if another commit won.
   *
   * @throws GroupRuleException if the proposal list is invalid (§12.2)
   * @throws SealmeetException if a PSK is missing or a key is unusable
   * @throws IllegalStateException if a commit is already pending or the group is not active
   */
  public CommitResult commit(CommitRequest request) throws SealmeetException {
    requireActive();
    if (pending != null) {
      throw new IllegalStateException("a commit is already pending; merge or discard it first");
    }
    PendingCommit created = new CommitCreator(this, current, proposals, checks, pskLookup(),
        identity, config).create(request);
    pending = created;
    return created.result();
  }

  /**
   * Applies this member's pending commit: the group moves to the new epoch.
   *
   * @throws IllegalStateException if no commit is pending
   */
  public void mergePendingCommit() {
    requireActive();
    if (pending == null) {
      throw new IllegalStateException("no commit is pending");
    }
    PendingCommit merged = pending;
    pending = null;
    advanceTo(merged.state());
    merged.reInit().ifPresent(this::awaitReInit);
  }

  /** Drops the pending commit and erases its epoch's secrets; no-op if none is pending. */
  public void discardPendingCommit() {
    dropPendingCommit();
  }

  /**
   * A signed GroupInfo of the current epoch (§12.4.3) with {@code external_pub}, so that a new
   * member can join by external commit, and the ratchet tree if {@code withRatchetTree}.
   */
  public MlsMessage groupInfo(boolean withRatchetTree) {
    requireActive();
    return MlsMessage.of(GroupInfos.signed(current, withRatchetTree, identity));
  }

  /**
   * A signed GroupInfo (§12.4.3) of the epoch the pending commit starts, with {@code
   * external_pub} and the ratchet tree if {@code withRatchetTree}: what a delivery service that
   * follows the group's public state needs beside the commit.
   *
   * @throws IllegalStateException if no commit is pending
   */
  public MlsMessage pendingGroupInfo(boolean withRatchetTree) {
    requireActive();
    if (pending == null) {
      throw new IllegalStateException("no commit is pending");
    }
    return MlsMessage.of(GroupInfos.signed(pending.state(), withRatchetTree, identity));
  }

  /** Erases every secret: epochs, pending commit, proposals' keys, resumption PSKs. */
  @Override
  public void close() {
    if (status == Status.CLOSED) {
      return;
    }
    dropPendingCommit();
    proposals.clear();
    current.destroy();
    pastEpochs.close();
    resumptionPsks.values().forEach(Secret::destroy);
    resumptionPsks.clear();
    status = Status.CLOSED;
  }

  /** Group size, epoch and status only. */
  @Override
  public String toString() {
    return "MlsGroup[epoch " + current.epoch() + ", " + current.tree + ", leaf "
        + current.ownLeaf + ", " + status + "]";
  }

  // ---------------------------------------------------------------- persistence

  /**
   * The group's whole state as bytes (format of {@code GroupState}): epochs, path keys, epoch
   * secrets, ratchets, kept past epochs, resumption PSKs and this epoch's proposals. The bytes
   * hold every secret of the group: store them encrypted. The signature key is not included.
   *
   * A commit pending is saved with its next epoch, so a restored group can still merge it when
   * the delivery service turns out to have accepted it.
   *
   * @throws IllegalStateException if the group was closed
   */
  public byte[] toBytes() {
    requireOpen();
    return GroupState.write(suite, status, reInit, current, pastEpochs.list(),
        resumptionPsks, proposals, pending);
  }

  /**
   * Restores a group saved by {@link #toBytes()}.
   *
   * @param identity the identity the group was saved with (its key signs this member's messages)
   * @throws SealmeetException if the bytes are not a saved group state, or its path keys do not
   *     match its tree; a {@link DecodeException} if the saved own leaf's signature key is not
   *     {@code identity}'s (another member's state, or damaged bytes: the two look alike)
   */
  public static MlsGroup fromBytes(byte[] state, SigningIdentity identity, PskStore psks,
      GroupConfig config) throws SealmeetException {
    GroupState.Restored r = GroupState.read(state, config);
    if (!identity.hasKey(r.current().tree.leaf(r.current().ownLeaf).orElseThrow(() ->
        new DecodeException("persisted own leaf is blank")).signatureKey())) {
      throw new DecodeException("the saved own leaf's signature key is not this identity's");
    }
    MlsGroup group = new MlsGroup(r.suite(), identity, config, psks, r.current());
    group.status = r.status();
    group.reInit = r.reInit();
    group.pastEpochs.restore(r.past());
    group.resumptionPsks.putAll(r.resumption());
    group.proposals.restoreFrom(r.proposals());
    group.pending = r.pending();
    return group;
  }

  // ---------------------------------------------------------------- reinit and branch

  /**
   * After a committed ReInit (§11.2): creates the successor group with the ReInit's group id,
   * version, suite and extensions, adds {@code members} with a resumption PSK of usage {@code
   * reinit} for this group's current epoch, and returns it with the Welcome for the others, who
   * call {@link #joinResumed} on their copy of this group.
   *
   * @param own this client's KeyPackage in the new suite
   * @param members a fresh KeyPackage of every other member, in the new suite
   * @throws IllegalStateException if no ReInit was committed
   */
  public ResumedGroup reinitialize(KeyPackageBundle own, SigningIdentity identity,
      List<KeyPackage> members, GroupConfig newConfig) throws SealmeetException {
    if (status != Status.REINIT_PENDING) {
      throw new IllegalStateException("no ReInit was committed; the group is " + status);
    }
    if (own.keyPackage().cipherSuite() != reInit.cipherSuite()) {
      throw new IllegalArgumentException("the own KeyPackage is not of the ReInit's suite");
    }
    return Resumption.start(current, reInit.groupId(), own, identity, members,
        reInit.extensions(), dev.sealmeet.mls.message.ResumptionPskUsage.REINIT, psks,
        newConfig);
  }

  /**
   * Branches a subgroup (§11.3): a new group {@code groupId} of the same version and suite with
   * this client and {@code members}, linked by a resumption PSK of usage {@code branch} for the
   * current epoch. The others call {@link #joinResumed} on their copy of this group.
   */
  public ResumedGroup branch(byte[] groupId, KeyPackageBundle own, SigningIdentity identity,
      List<KeyPackage> members, List<Extension> extensions, GroupConfig newConfig)
      throws SealmeetException {
    requireActive();
    if (own.keyPackage().cipherSuite() != suite.id()) {
      throw new IllegalArgumentException("a branch keeps the suite of the group");
    }
    return Resumption.start(current, groupId, own, identity, members, extensions,
        dev.sealmeet.mls.message.ResumptionPskUsage.BRANCH, psks, newConfig);
  }

  /**
   * Joins the successor of this group, a reinitialization or a branch, from its Welcome
   * (§12.4.3.1): the Welcome's resumption PSK must name this group and an epoch it still knows,
   * the new group must start at epoch 1, and, for a reinit, match the committed ReInit and keep
   * every member; for a branch, keep the version and suite and hold only members of this group.
   *
   * @throws GroupRuleException naming the check that failed ({@code INVALID_REINIT}, {@code
   *     INVALID_BRANCH}, {@code UNKNOWN_PSK}); the new group is closed then
   */
  public MlsGroup joinResumed(MlsMessage welcome, KeyPackageBundle own, SigningIdentity identity,
      Optional<RatchetTree> ratchetTree, GroupConfig newConfig) throws SealmeetException {
    requireOpen();
    WelcomeJoin.Joined joined = WelcomeJoin.join(welcome, own, identity, ratchetTree, psks,
        pskLookup(), newConfig);
    try {
      Resumption.verify(current, reInit, joined);
      return joined.group();
    } catch (SealmeetException | RuntimeException e) {
      joined.group().close();
      throw e;
    }
  }

  private void awaitReInit(dev.sealmeet.mls.message.ReInitProposal proposal) {
    reInit = proposal;
    status = Status.REINIT_PENDING;
  }

  // ---------------------------------------------------------------- internals

  /** The current epoch's state (for tests in this package that play a malicious insider). */
  EpochState currentEpoch() {
    return current;
  }

  /** A kept past epoch, or null (for tests in this package). */
  EpochState pastEpoch(long epoch) {
    return pastEpochs.find(epoch);
  }

  SigningIdentity identity() {
    return identity;
  }

  private void advanceTo(EpochState next) {
    dropPendingCommit();
    proposals.clear();
    resumptionPsks.put(current.epoch(), current.secrets.resumptionPsk());
    while (resumptionPsks.size() > RESUMPTION_PSKS_KEPT) {
      resumptionPsks.pollFirstEntry().getValue().destroy();
    }
    pastEpochs.retire(current);
    current = next;
  }

  private void dropPendingCommit() {
    if (pending != null) {
      pending.state().destroy();
      pending = null;
    }
  }

  /** PSKs this group can resolve: its own resumption PSKs, then the client's store. */
  PskLookup pskLookup() {
    return id -> {
      if (id instanceof PreSharedKeyId.Resumption r
          && Arrays.equals(r.pskGroupId(), current.context.groupId())) {
        if (r.pskEpoch() == current.epoch()) {
          return current.secrets.resumptionPsk();
        }
        Secret kept = resumptionPsks.get(r.pskEpoch());
        if (kept != null) {
          return kept.copy();
        }
      }
      return psks.find(id);
    };
  }

  static MlsSuite suiteOf(int id, GroupConfig config) {
    try {
      return MlsSuite.of(id, config.suites(), config.random());
    } catch (dev.sealmeet.error.UnsupportedException e) {
      throw new IllegalArgumentException("unsupported cipher suite " + id, e);
    }
  }

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw new IllegalStateException("the group was closed");
    }
  }

  /** The epoch secrets exist: erased on close and when a commit removes this member. */
  private void requireSecrets() {
    requireOpen();
    if (status == Status.REMOVED) {
      throw new IllegalStateException("this member was removed; its epoch secrets are erased");
    }
  }

  private void requireActive() {
    if (status != Status.ACTIVE) {
      throw new IllegalStateException("the group is " + status);
    }
  }
}
