package dev.sealmeet.interop;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.ReInitProposal;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.stub.StreamObserver;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.List;
import mls_client.MLSClientGrpc;
import mls_client.MlsClient.AddExternalSignerRequest;
import mls_client.MlsClient.AddProposalRequest;
import mls_client.MlsClient.CommitRequest;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.CreateBranchRequest;
import mls_client.MlsClient.CreateExternalSignerRequest;
import mls_client.MlsClient.CreateExternalSignerResponse;
import mls_client.MlsClient.CreateGroupRequest;
import mls_client.MlsClient.CreateGroupResponse;
import mls_client.MlsClient.CreateKeyPackageRequest;
import mls_client.MlsClient.CreateKeyPackageResponse;
import mls_client.MlsClient.CreateSubgroupResponse;
import mls_client.MlsClient.ExportRequest;
import mls_client.MlsClient.ExportResponse;
import mls_client.MlsClient.ExternalJoinRequest;
import mls_client.MlsClient.ExternalJoinResponse;
import mls_client.MlsClient.ExternalPSKProposalRequest;
import mls_client.MlsClient.ExternalSignerProposalRequest;
import mls_client.MlsClient.FreeRequest;
import mls_client.MlsClient.FreeResponse;
import mls_client.MlsClient.GroupContextExtensionsProposalRequest;
import mls_client.MlsClient.GroupInfoRequest;
import mls_client.MlsClient.GroupInfoResponse;
import mls_client.MlsClient.HandleBranchRequest;
import mls_client.MlsClient.HandleBranchResponse;
import mls_client.MlsClient.HandleCommitRequest;
import mls_client.MlsClient.HandleCommitResponse;
import mls_client.MlsClient.HandlePendingCommitRequest;
import mls_client.MlsClient.HandleReInitCommitResponse;
import mls_client.MlsClient.HandleReInitWelcomeRequest;
import mls_client.MlsClient.JoinGroupRequest;
import mls_client.MlsClient.JoinGroupResponse;
import mls_client.MlsClient.NameRequest;
import mls_client.MlsClient.NameResponse;
import mls_client.MlsClient.NewMemberAddProposalRequest;
import mls_client.MlsClient.NewMemberAddProposalResponse;
import mls_client.MlsClient.ProposalResponse;
import mls_client.MlsClient.ProtectRequest;
import mls_client.MlsClient.ProtectResponse;
import mls_client.MlsClient.ReInitProposalRequest;
import mls_client.MlsClient.ReInitWelcomeRequest;
import mls_client.MlsClient.RemoveProposalRequest;
import mls_client.MlsClient.ResumptionPSKProposalRequest;
import mls_client.MlsClient.StateAuthRequest;
import mls_client.MlsClient.StateAuthResponse;
import mls_client.MlsClient.StorePSKRequest;
import mls_client.MlsClient.StorePSKResponse;
import mls_client.MlsClient.SupportedCiphersuitesRequest;
import mls_client.MlsClient.SupportedCiphersuitesResponse;
import mls_client.MlsClient.UnprotectRequest;
import mls_client.MlsClient.UnprotectResponse;
import mls_client.MlsClient.UpdateProposalRequest;

/**
 * The {@code MLSClient} service ({@code sealmeet_interop_client.proto}) over Sealmeet's group API.
 *
 * <p>Every RPC runs inside {@link #call}, which turns failures into a status and never lets one
 * escape to the transport: a {@link SealmeetException} (hostile or malformed MLS input, unknown
 * PSK, unsupported suite) and an {@link IllegalArgumentException} become INVALID_ARGUMENT, an
 * {@link IllegalStateException} (no pending commit, group not active) FAILED_PRECONDITION, and any
 * other runtime exception INTERNAL, logged without data. The description names the RPC, the
 * exception type and its message, which carries no secrets.
 */
public final class MlsClientService extends MLSClientGrpc.MLSClientImplBase {
  /** What {@code Name} answers. */
  public static final String NAME = "Sealmeet";

  private static final System.Logger LOG = System.getLogger(MlsClientService.class.getName());

  private final ClientStates states = new ClientStates();
  private final JoinOperations joins;
  private final GroupOperations groups;
  private final SubgroupOperations subgroups;

  /** A service with empty state. */
  public MlsClientService() {
    this(new SecureRandom());
  }

  MlsClientService(SecureRandom random) {
    this.joins = new JoinOperations(states, random);
    this.groups = new GroupOperations(states, random);
    this.subgroups = new ResumptionOperations(states, joins, groups);
  }

  /** The number of states, transactions and signers held (for tests). */
  int heldCount() {
    return states.size();
  }

  private interface Rpc<T> {
    T run() throws SealmeetException, StatusException;
  }

  private static <T> void call(String name, StreamObserver<T> out, Rpc<T> rpc) {
    T response;
    try {
      response = rpc.run();
    } catch (StatusException e) {
      out.onError(e);
      return;
    } catch (SealmeetException | IllegalArgumentException e) {
      out.onError(fail(Status.INVALID_ARGUMENT, name, e));
      return;
    } catch (IllegalStateException e) {
      out.onError(fail(Status.FAILED_PRECONDITION, name, e));
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, () -> name + " failed with " + e.getClass().getName());
      out.onError(fail(Status.INTERNAL, name, e));
      return;
    }
    out.onNext(response);
    out.onCompleted();
  }

  private static StatusException fail(Status status, String name, Exception e) {
    return status.withDescription(name + ": " + e.getClass().getSimpleName() + ": "
        + e.getMessage()).asException();
  }

  // ---------------------------------------------------------------- about

  @Override
  public void name(NameRequest request, StreamObserver<NameResponse> out) {
    call("Name", out, () -> NameResponse.newBuilder().setName(NAME).build());
  }

  @Override
  public void supportedCiphersuites(SupportedCiphersuitesRequest request,
      StreamObserver<SupportedCiphersuitesResponse> out) {
    call("SupportedCiphersuites", out, () -> SupportedCiphersuitesResponse.newBuilder()
        .addAllCiphersuites(supportedSuites()).build());
  }

  /**
   * The suites this server serves, ascending: RFC 9420's 0x0001–0x0007 and the post-quantum suites
   * of draft-ietf-mls-pq-ciphersuites-06 at Sealmeet's code points 0xF001–0xF00B ({@link
   * dev.sealmeet.crypto.SuiteRegistry#draftPq()}); a peer must map those code points alike.
   */
  public static List<Integer> supportedSuites() {
    return JoinOperations.SUITES.codePoints();
  }

  // ---------------------------------------------------------------- becoming a member

  @Override
  public void createGroup(CreateGroupRequest request, StreamObserver<CreateGroupResponse> out) {
    call("CreateGroup", out, () -> joins.createGroup(request));
  }

  @Override
  public void createKeyPackage(CreateKeyPackageRequest request,
      StreamObserver<CreateKeyPackageResponse> out) {
    call("CreateKeyPackage", out, () -> joins.createKeyPackage(request));
  }

  @Override
  public void joinGroup(JoinGroupRequest request, StreamObserver<JoinGroupResponse> out) {
    call("JoinGroup", out, () -> joins.joinGroup(request));
  }

  @Override
  public void externalJoin(ExternalJoinRequest request,
      StreamObserver<ExternalJoinResponse> out) {
    call("ExternalJoin", out, () -> joins.externalJoin(request));
  }

  // ---------------------------------------------------------------- one state

  @Override
  public void groupInfo(GroupInfoRequest request, StreamObserver<GroupInfoResponse> out) {
    call("GroupInfo", out, () -> groups.groupInfo(request));
  }

  @Override
  public void stateAuth(StateAuthRequest request, StreamObserver<StateAuthResponse> out) {
    call("StateAuth", out, () -> StateAuthResponse.newBuilder()
        .setStateAuthSecret(groups.epochAuthenticator(request.getStateId())).build());
  }

  @Override
  public void export(ExportRequest request, StreamObserver<ExportResponse> out) {
    call("Export", out, () -> ExportResponse.newBuilder().setExportedSecret(groups.export(
        request.getStateId(), request.getLabel(), request.getContext(), request.getKeyLength()))
        .build());
  }

  @Override
  public void protect(ProtectRequest request, StreamObserver<ProtectResponse> out) {
    call("Protect", out, () -> ProtectResponse.newBuilder().setCiphertext(groups.protect(
        request.getStateId(), request.getAuthenticatedData(), request.getPlaintext())).build());
  }

  @Override
  public void unprotect(UnprotectRequest request, StreamObserver<UnprotectResponse> out) {
    call("Unprotect", out,
        () -> groups.unprotect(request.getStateId(), request.getCiphertext()));
  }

  @Override
  public void storePSK(StorePSKRequest request, StreamObserver<StorePSKResponse> out) {
    call("StorePSK", out, () -> {
      joins.storePsk(request);
      return StorePSKResponse.getDefaultInstance();
    });
  }

  // ---------------------------------------------------------------- proposals

  @Override
  public void addProposal(AddProposalRequest request, StreamObserver<ProposalResponse> out) {
    call("AddProposal", out, () -> groups.propose(request.getStateId(),
        s -> s.group().proposeAdd(Proposals.keyPackage(request.getKeyPackage()))));
  }

  @Override
  public void updateProposal(UpdateProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("UpdateProposal", out,
        () -> groups.propose(request.getStateId(), s -> s.group().proposeUpdate()));
  }

  @Override
  public void removeProposal(RemoveProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("RemoveProposal", out, () -> groups.propose(request.getStateId(),
        s -> s.group().proposeRemove(
            Proposals.leafOf(s.group().members(), request.getRemovedId()))));
  }

  @Override
  public void externalPSKProposal(ExternalPSKProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("ExternalPSKProposal", out, () -> groups.propose(request.getStateId(),
        s -> s.group().proposePsk(Proposals.externalPsk(
            request.getPskId(), s.group().suite(), joins.random()))));
  }

  @Override
  public void resumptionPSKProposal(ResumptionPSKProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("ResumptionPSKProposal", out, () -> groups.propose(request.getStateId(),
        s -> s.group().proposePsk(Proposals.resumptionPsk(s.group().groupId(),
            request.getEpochId(), s.group().suite(), joins.random()))));
  }

  @Override
  public void groupContextExtensionsProposal(GroupContextExtensionsProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("GroupContextExtensionsProposal", out, () -> groups.propose(request.getStateId(),
        s -> s.group().proposeGroupContextExtensions(
            Proposals.extensions(request.getExtensionsList()))));
  }

  // ---------------------------------------------------------------- commits

  @Override
  public void commit(CommitRequest request, StreamObserver<CommitResponse> out) {
    call("Commit", out, () -> groups.commit(request));
  }

  @Override
  public void handleCommit(HandleCommitRequest request,
      StreamObserver<HandleCommitResponse> out) {
    call("HandleCommit", out, () -> groups.handleCommit(request));
  }

  @Override
  public void handlePendingCommit(HandlePendingCommitRequest request,
      StreamObserver<HandleCommitResponse> out) {
    call("HandlePendingCommit", out, () -> groups.handlePendingCommit(request.getStateId()));
  }

  // ---------------------------------------------------------------- reinit and branch

  @Override
  public void reInitProposal(ReInitProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("ReInitProposal", out, () -> groups.propose(request.getStateId(), s -> {
      ReInitProposal reInit = new ReInitProposal(request.getGroupId().toByteArray(),
          ProtocolVersion.MLS10, request.getCipherSuite(),
          Proposals.extensions(request.getExtensionsList()));
      MlsMessage proposal = s.group().proposeReInit(reInit.groupId(), reInit.cipherSuite(),
          reInit.extensions());
      s.sentReInit(proposal, reInit);
      return proposal;
    }));
  }

  @Override
  public void reInitCommit(CommitRequest request, StreamObserver<CommitResponse> out) {
    call("ReInitCommit", out, () -> subgroups.reInitCommit(request));
  }

  @Override
  public void handlePendingReInitCommit(HandlePendingCommitRequest request,
      StreamObserver<HandleReInitCommitResponse> out) {
    call("HandlePendingReInitCommit", out, () -> subgroups.handlePendingReInitCommit(request));
  }

  @Override
  public void handleReInitCommit(HandleCommitRequest request,
      StreamObserver<HandleReInitCommitResponse> out) {
    call("HandleReInitCommit", out, () -> subgroups.handleReInitCommit(request));
  }

  @Override
  public void reInitWelcome(ReInitWelcomeRequest request,
      StreamObserver<CreateSubgroupResponse> out) {
    call("ReInitWelcome", out, () -> subgroups.reInitWelcome(request));
  }

  @Override
  public void handleReInitWelcome(HandleReInitWelcomeRequest request,
      StreamObserver<JoinGroupResponse> out) {
    call("HandleReInitWelcome", out, () -> subgroups.handleReInitWelcome(request));
  }

  @Override
  public void createBranch(CreateBranchRequest request,
      StreamObserver<CreateSubgroupResponse> out) {
    call("CreateBranch", out, () -> subgroups.createBranch(request));
  }

  @Override
  public void handleBranch(HandleBranchRequest request,
      StreamObserver<HandleBranchResponse> out) {
    call("HandleBranch", out, () -> subgroups.handleBranch(request));
  }

  // ---------------------------------------------------------------- external proposals

  @Override
  public void newMemberAddProposal(NewMemberAddProposalRequest request,
      StreamObserver<NewMemberAddProposalResponse> out) {
    call("NewMemberAddProposal", out, () -> joins.newMemberAddProposal(request));
  }

  @Override
  public void createExternalSigner(CreateExternalSignerRequest request,
      StreamObserver<CreateExternalSignerResponse> out) {
    call("CreateExternalSigner", out, () -> joins.createExternalSigner(request));
  }

  @Override
  public void addExternalSigner(AddExternalSignerRequest request,
      StreamObserver<ProposalResponse> out) {
    call("AddExternalSigner", out, () -> groups.addExternalSigner(request));
  }

  @Override
  public void externalSignerProposal(ExternalSignerProposalRequest request,
      StreamObserver<ProposalResponse> out) {
    call("ExternalSignerProposal", out, () -> joins.externalSignerProposal(request));
  }

  // ---------------------------------------------------------------- cleanup

  @Override
  public void free(FreeRequest request, StreamObserver<FreeResponse> out) {
    call("Free", out, () -> {
      states.free(request.getStateId());
      return FreeResponse.getDefaultInstance();
    });
  }
}
