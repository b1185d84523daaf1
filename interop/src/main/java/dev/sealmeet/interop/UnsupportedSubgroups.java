package dev.sealmeet.interop;

import io.grpc.Status;
import io.grpc.StatusException;
import mls_client.MlsClient.CommitRequest;
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
import mls_client.MlsClient.ReInitWelcomeRequest;

/** Reinit and branch while {@code MlsGroup} does not offer them: UNIMPLEMENTED, saying why. */
final class UnsupportedSubgroups implements SubgroupOperations {
  private static StatusException unimplemented(String rpc, String what) {
    return Status.UNIMPLEMENTED.withDescription(rpc + ": Sealmeet's group API does not offer "
        + what + " yet (RFC 9420 " + (what.equals("branching") ? "§11.3" : "§11.2") + ")")
        .asException();
  }

  @Override
  public CommitResponse reInitCommit(CommitRequest request) throws StatusException {
    throw unimplemented("ReInitCommit", "reinitialization");
  }

  @Override
  public HandleReInitCommitResponse handlePendingReInitCommit(HandlePendingCommitRequest request)
      throws StatusException {
    throw unimplemented("HandlePendingReInitCommit", "reinitialization");
  }

  @Override
  public HandleReInitCommitResponse handleReInitCommit(HandleCommitRequest request)
      throws StatusException {
    throw unimplemented("HandleReInitCommit", "reinitialization");
  }

  @Override
  public CreateSubgroupResponse reInitWelcome(ReInitWelcomeRequest request)
      throws StatusException {
    throw unimplemented("ReInitWelcome", "reinitialization");
  }

  @Override
  public JoinGroupResponse handleReInitWelcome(HandleReInitWelcomeRequest request)
      throws StatusException {
    throw unimplemented("HandleReInitWelcome", "reinitialization");
  }

  @Override
  public CreateSubgroupResponse createBranch(CreateBranchRequest request)
      throws StatusException {
    throw unimplemented("CreateBranch", "branching");
  }

  @Override
  public HandleBranchResponse handleBranch(HandleBranchRequest request) throws StatusException {
    throw unimplemented("HandleBranch", "branching");
  }
}
