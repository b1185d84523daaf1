package dev.sealmeet.interop;

import dev.sealmeet.error.SealmeetException;
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

/**
 * The RPCs that start a successor group: reinitialization (RFC 9420 §11.2) and branching (§11.3).
 * {@link MlsClientService} delegates them here; {@link ResumptionOperations} serves them over
 * {@code MlsGroup.reinitialize}, {@code MlsGroup.branch} and {@code MlsGroup.joinResumed}. {@code
 * ReInitProposal} is served with the other proposals, over {@code MlsGroup.proposeReInit}.
 */
interface SubgroupOperations {
  /** {@code ReInitCommit}: commits a ReInit proposal given by reference. */
  CommitResponse reInitCommit(CommitRequest request) throws SealmeetException, StatusException;

  /** {@code HandlePendingReInitCommit}: merges the own ReInit commit; a new KeyPackage. */
  HandleReInitCommitResponse handlePendingReInitCommit(HandlePendingCommitRequest request)
      throws SealmeetException, StatusException;

  /** {@code HandleReInitCommit}: handles another member's ReInit commit; a new KeyPackage. */
  HandleReInitCommitResponse handleReInitCommit(HandleCommitRequest request)
      throws SealmeetException, StatusException;

  /** {@code ReInitWelcome}: creates the successor group and the Welcome for the others. */
  CreateSubgroupResponse reInitWelcome(ReInitWelcomeRequest request)
      throws SealmeetException, StatusException;

  /** {@code HandleReInitWelcome}: joins the successor group. */
  JoinGroupResponse handleReInitWelcome(HandleReInitWelcomeRequest request)
      throws SealmeetException, StatusException;

  /** {@code CreateBranch}: a new group of some members, tied by a branch PSK. */
  CreateSubgroupResponse createBranch(CreateBranchRequest request)
      throws SealmeetException, StatusException;

  /** {@code HandleBranch}: joins a branch from its Welcome. */
  HandleBranchResponse handleBranch(HandleBranchRequest request)
      throws SealmeetException, StatusException;
}
