package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ProcessedMessage;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.ResumedGroup;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ReInitProposal;
import io.grpc.Status;
import io.grpc.StatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.CreateBranchRequest;
import mls_client.MlsClient.CreateSubgroupResponse;
import mls_client.MlsClient.HandleBranchRequest;
import mls_client.MlsClient.HandleBranchResponse;
import mls_client.MlsClient.HandleCommitRequest;
import mls_client.MlsClient.HandlePendingCommitRequest;
import mls_client.MlsClient.HandleReInitCommitResponse;
import mls_client.MlsClient.HandleReInitWelcomeRequest;
import mls_client.MlsClient.JoinGroupResponse;
import mls_client.MlsClient.ProposalDescription;
import mls_client.MlsClient.ReInitWelcomeRequest;

/**
 * Reinitialization (RFC 9420 §11.2) and branching (§11.3) over {@code MlsGroup.reinitialize},
 * {@code MlsGroup.branch} and {@code MlsGroup.joinResumed}.
 *
 * <p>Reinit runs in three calls per member. {@code ReInitCommit} commits the ReInit given by
 * reference (the committer processes it first unless it sent it itself). Merging that commit
 * ({@code HandlePendingReInitCommit}, or {@code HandleReInitCommit} for the others) leaves the old
 * group {@code REINIT_PENDING}; the member then makes an identity in the ReInit's suite with its
 * old credential and a KeyPackage for it, and answers the KeyPackage with a {@code reinit_id}, a
 * {@link ReInitTicket}. The welcomer's ticket starts the successor ({@code ReInitWelcome}); the
 * others' tickets join it ({@code HandleReInitWelcome}). A ticket is consumed when it succeeds;
 * the old state stays under its own id until {@code Free}.
 *
 * <p>A branch starts from any active state with KeyPackages of the same suite; the members join it
 * with their old state and a KeyPackage transaction, which is consumed.
 *
 * <p>The successor group takes the old state's config, with two changes asked by the request:
 * {@code external_tree} leaves the tree out of the Welcome ({@link
 * GroupConfig#withRatchetTreeInWelcome}) and {@code force_path} puts an UpdatePath in the first
 * commit ({@link GroupConfig#withAlwaysPath}). The group API makes both choices per group, not per
 * commit, so they hold for every later commit of the creator's successor state too.
 */
final class ResumptionOperations implements SubgroupOperations {
  private final ClientStates states;
  private final JoinOperations joins;
  private final GroupOperations groups;

  ResumptionOperations(ClientStates states, JoinOperations joins, GroupOperations groups) {
    this.states = states;
    this.joins = joins;
    this.groups = groups;
  }

  // ---------------------------------------------------------------- reinit

  /**
   * {@code ReInitCommit}: receives the proposals given by reference (skipping own ones), adds those
   * given by value, and commits. Exactly one of them must be a ReInit; the commit stays pending
   * until {@code HandlePendingReInitCommit}.
   */
  @Override
  public CommitResponse reInitCommit(mls_client.MlsClient.CommitRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      List<ReInitProposal> reInits = new ArrayList<>();
      for (ByteString bytes : request.getByReferenceList()) {
        receive(state, bytes.toByteArray()).ifPresent(reInits::add);
      }
      CommitRequest commit = CommitRequest.empty();
      for (ProposalDescription description : request.getByValueList()) {
        Proposal proposal = groups.proposal(state, description);
        if (proposal instanceof ReInitProposal reInit) {
          reInits.add(reInit);
        }
        commit = commit.with(proposal);
      }
      if (reInits.size() != 1) {
        throw Proposals.invalid("a ReInit commit needs exactly one ReInit proposal, got "
            + reInits.size());
      }
      if (request.getForcePath()) {
        commit = commit.forcePath();
      }
      CommitResult result = state.group().commit(commit);
      state.committingReInit(reInits.get(0));
      CommitResponse.Builder out = CommitResponse.newBuilder()
          .setCommit(JoinOperations.bytes(result.commit()));
      result.welcome().ifPresent(w -> out.setWelcome(JoinOperations.bytes(w)));
      if (request.getExternalTree()) {
        out.setRatchetTree(ByteString.copyFrom(result.ratchetTree().encode()));
      }
      return out.build();
    }
  }

  /** {@code HandlePendingReInitCommit}: merges the own ReInit commit; a ticket and KeyPackage. */
  @Override
  public HandleReInitCommitResponse handlePendingReInitCommit(
      HandlePendingCommitRequest request) throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      ReInitProposal reInit = state.committedReInit().orElseThrow(() -> Status
          .FAILED_PRECONDITION.withDescription("no ReInitCommit is pending").asException());
      if (!state.group().hasPendingCommit()) {
        throw Status.FAILED_PRECONDITION.withDescription("no ReInitCommit is pending")
            .asException();
      }
      state.group().mergePendingCommit();
      state.committingReInit(null);
      if (state.group().status() != MlsGroup.Status.REINIT_PENDING) {
        throw Status.FAILED_PRECONDITION.withDescription("the merged commit held no ReInit; the "
            + "group is " + state.group().status()).asException();
      }
      return ticket(state, reInit);
    }
  }

  /** {@code HandleReInitCommit}: the proposals (skipping own ones), then the ReInit commit. */
  @Override
  public HandleReInitCommitResponse handleReInitCommit(HandleCommitRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      MlsMessage message = MlsMessage.fromBytes(request.getCommit().toByteArray());
      for (ByteString bytes : request.getProposalList()) {
        receive(state, bytes.toByteArray());
      }
      ProcessedMessage processed = state.group().process(message);
      if (!(processed instanceof StagedCommit staged)) {
        throw Proposals.invalid("not a commit: " + processed.getClass().getSimpleName());
      }
      Optional<ReInitProposal> reInit = staged.reInit();
      if (reInit.isEmpty()) {
        staged.discard();
        throw Proposals.invalid("the commit holds no ReInit proposal");
      }
      state.group().merge(staged);
      return ticket(state, reInit.get());
    }
  }

  /** {@code ReInitWelcome}: the welcomer starts the successor with the others' KeyPackages. */
  @Override
  public CreateSubgroupResponse reInitWelcome(ReInitWelcomeRequest request)
      throws SealmeetException, StatusException {
    ReInitTicket ticket = ticket(request.getReinitId());
    GroupState old = ticket.old();
    synchronized (old) {
      GroupConfig config = successorConfig(old, request.getForcePath(),
          request.getExternalTree());
      ResumedGroup resumed = old.group().reinitialize(ticket.bundle(), ticket.identity(),
          keyPackages(request.getKeyPackageList()), config);
      CreateSubgroupResponse response = started(resumed,
          new GroupState(resumed.group(), ticket.identity(), old.psks(), config),
          request.getExternalTree());
      states.remove(request.getReinitId(), ticket);
      return response;
    }
  }

  /** {@code HandleReInitWelcome}: joins the successor group with the ticket's KeyPackage. */
  @Override
  public JoinGroupResponse handleReInitWelcome(HandleReInitWelcomeRequest request)
      throws SealmeetException, StatusException {
    ReInitTicket ticket = ticket(request.getReinitId());
    GroupState old = ticket.old();
    synchronized (old) {
      MlsGroup joined = old.group().joinResumed(
          MlsMessage.fromBytes(request.getWelcome().toByteArray()), ticket.bundle(),
          ticket.identity(), Proposals.tree(request.getRatchetTree()), old.config());
      int id = register(new GroupState(joined, ticket.identity(), old.psks(), old.config()));
      states.remove(request.getReinitId(), ticket);
      return JoinGroupResponse.newBuilder().setStateId(id)
          .setEpochAuthenticator(ByteString.copyFrom(joined.epochAuthenticator())).build();
    }
  }

  // ---------------------------------------------------------------- branch

  /** {@code CreateBranch}: a new group of this member and the KeyPackages' clients. */
  @Override
  public CreateSubgroupResponse createBranch(CreateBranchRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      MlsGroup group = state.group();
      GroupConfig config = successorConfig(state, request.getForcePath(),
          request.getExternalTree());
      try (KeyPackageBundle own = JoinOperations.keyPackage(group.suite(), state.identity(),
          config)) {
        ResumedGroup resumed = group.branch(request.getGroupId().toByteArray(), own,
            state.identity(), keyPackages(request.getKeyPackagesList()),
            Proposals.extensions(request.getExtensionsList()), config);
        return started(resumed,
            new GroupState(resumed.group(), state.identity(), state.psks(), config),
            request.getExternalTree());
      }
    }
  }

  /** {@code HandleBranch}: joins a branch of the state with the transaction's KeyPackage. */
  @Override
  public HandleBranchResponse handleBranch(HandleBranchRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    Transaction tx = states.transaction(request.getTransactionId());
    synchronized (state) {
      MlsGroup joined = state.group().joinResumed(
          MlsMessage.fromBytes(request.getWelcome().toByteArray()), tx.bundle(), tx.identity(),
          Proposals.tree(request.getRatchetTree()), state.config());
      int id = register(new GroupState(joined, tx.identity(), state.psks(), state.config()));
      states.remove(request.getTransactionId(), tx);
      return HandleBranchResponse.newBuilder().setStateId(id)
          .setEpochAuthenticator(ByteString.copyFrom(joined.epochAuthenticator())).build();
    }
  }

  // ---------------------------------------------------------------- shared

  /**
   * Processes one proposal given by reference, unless this member sent it; returns the ReInit it
   * carries, if it is one.
   */
  private static Optional<ReInitProposal> receive(GroupState state, byte[] proposal)
      throws SealmeetException, StatusException {
    if (state.isOwnProposal(proposal)) {
      return state.ownReInit(proposal);
    }
    ProcessedMessage processed = state.group().process(MlsMessage.fromBytes(proposal));
    if (!(processed instanceof ReceivedProposal received)) {
      throw Proposals.invalid("by reference, expected a proposal, got "
          + processed.getClass().getSimpleName());
    }
    return received.proposal() instanceof ReInitProposal reInit
        ? Optional.of(reInit) : Optional.empty();
  }

  /** After a merged ReInit: an identity and KeyPackage in the new suite, held as a ticket. */
  private HandleReInitCommitResponse ticket(GroupState state, ReInitProposal reInit)
      throws SealmeetException, StatusException {
    MlsSuite suite = joins.suite(reInit.cipherSuite());
    SigningIdentity identity = SigningIdentity.generate(suite, state.identity().credential());
    KeyPackageBundle bundle = JoinOperations.keyPackage(suite, identity, state.config());
    int id = register(new ReInitTicket(state, bundle, identity));
    return HandleReInitCommitResponse.newBuilder().setReinitId(id)
        .setKeyPackage(JoinOperations.bytes(MlsMessage.of(bundle.keyPackage())))
        .setEpochAuthenticator(ByteString.copyFrom(state.group().epochAuthenticator())).build();
  }

  private ReInitTicket ticket(int id) throws StatusException {
    Held held = states.any(id);
    if (!(held instanceof ReInitTicket ticket)) {
      throw Proposals.invalid("id " + id + " is no reinit id");
    }
    return ticket;
  }

  /** The old state's config, with the choices a successor's creator was asked for. */
  private static GroupConfig successorConfig(GroupState old, boolean forcePath,
      boolean externalTree) {
    GroupConfig config = old.config().withRatchetTreeInWelcome(!externalTree);
    return forcePath ? config.withAlwaysPath(true) : config;
  }

  /** Registers the creator's successor state; closes it if the registry is full. */
  private CreateSubgroupResponse started(ResumedGroup resumed, GroupState next,
      boolean externalTree) throws StatusException {
    int id = register(next);
    CreateSubgroupResponse.Builder out = CreateSubgroupResponse.newBuilder().setStateId(id)
        .setEpochAuthenticator(ByteString.copyFrom(resumed.group().epochAuthenticator()));
    resumed.welcome().ifPresent(w -> out.setWelcome(JoinOperations.bytes(w)));
    if (externalTree) {
      out.setRatchetTree(ByteString.copyFrom(resumed.ratchetTree().encode()));
    }
    return out.build();
  }

  /** Registers {@code entry}, closing it if the registry refuses it. */
  private int register(Held entry) throws StatusException {
    try {
      return states.register(entry);
    } catch (StatusException e) {
      entry.close();
      throw e;
    }
  }

  private static List<KeyPackage> keyPackages(List<ByteString> in)
      throws SealmeetException, StatusException {
    List<KeyPackage> out = new ArrayList<>(in.size());
    for (ByteString bytes : in) {
      out.add(Proposals.keyPackage(bytes));
    }
    return out;
  }
}
