package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.ApplicationMessage;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.ProcessedMessage;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.MlsMessage;
import io.grpc.StatusException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import mls_client.MlsClient.AddExternalSignerRequest;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.GroupInfoRequest;
import mls_client.MlsClient.GroupInfoResponse;
import mls_client.MlsClient.HandleCommitRequest;
import mls_client.MlsClient.HandleCommitResponse;
import mls_client.MlsClient.ProposalDescription;
import mls_client.MlsClient.ProposalResponse;
import mls_client.MlsClient.UnprotectResponse;

/**
 * The RPCs on one group state: GroupInfo, agreement values, application data, proposals, commits.
 * Each call holds the state's lock, so concurrent calls on one state run one at a time. A call that
 * fails with a {@link SealmeetException} leaves the group as it was ({@link MlsGroup}'s
 * all-or-nothing rule), except that proposals processed before a failing one stay stored.
 */
final class GroupOperations {
  private final ClientStates states;
  private final SecureRandom random;

  GroupOperations(ClientStates states, SecureRandom random) {
    this.states = states;
    this.random = random;
  }

  GroupInfoResponse groupInfo(GroupInfoRequest request) throws StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      MlsGroup group = state.group();
      GroupInfoResponse.Builder out = GroupInfoResponse.newBuilder()
          .setGroupInfo(JoinOperations.bytes(group.groupInfo(!request.getExternalTree())));
      if (request.getExternalTree()) {
        out.setRatchetTree(ByteString.copyFrom(group.ratchetTree().encode()));
      }
      return out.build();
    }
  }

  /** The current epoch's {@code epoch_authenticator} (RFC 9420 §8.7). */
  ByteString epochAuthenticator(int stateId) throws StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      return ByteString.copyFrom(state.group().epochAuthenticator());
    }
  }

  ByteString export(int stateId, String label, ByteString context, int length)
      throws StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      return ByteString.copyFrom(state.group().export(label, context.toByteArray(), length));
    }
  }

  ByteString protect(int stateId, ByteString authenticatedData, ByteString plaintext)
      throws StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      return JoinOperations.bytes(
          state.group().protect(plaintext.toByteArray(), authenticatedData.toByteArray()));
    }
  }

  UnprotectResponse unprotect(int stateId, ByteString ciphertext)
      throws SealmeetException, StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      ProcessedMessage processed =
          state.group().process(MlsMessage.fromBytes(ciphertext.toByteArray()));
      if (!(processed instanceof ApplicationMessage application)) {
        if (processed instanceof StagedCommit staged) {
          staged.discard();
        }
        throw Proposals.invalid("not application data: " + processed.getClass().getSimpleName());
      }
      return UnprotectResponse.newBuilder()
          .setAuthenticatedData(ByteString.copyFrom(application.authenticatedData()))
          .setPlaintext(ByteString.copyFrom(application.data())).build();
    }
  }

  /** What a proposal RPC asks the group to send. */
  interface Proposer {
    /** Sends the proposal from {@code state}. */
    MlsMessage propose(GroupState state) throws SealmeetException, StatusException;
  }

  /** Runs {@code proposer} on the state and remembers the proposal as this member's own. */
  ProposalResponse propose(int stateId, Proposer proposer)
      throws SealmeetException, StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      byte[] proposal = state.sent(proposer.propose(state));
      return ProposalResponse.newBuilder().setProposal(ByteString.copyFrom(proposal)).build();
    }
  }

  /** A proposal description's proposal, resolved against {@code state}'s group. */
  dev.sealmeet.mls.message.Proposal proposal(GroupState state, ProposalDescription description)
      throws SealmeetException, StatusException {
    MlsGroup group = state.group();
    return Proposals.of(description, group.suite(), group.groupId(), group.members(), random);
  }

  /** {@code AddExternalSigner}: GroupContextExtensions with the sender appended (§12.1.8.1). */
  ProposalResponse addExternalSigner(AddExternalSignerRequest request)
      throws SealmeetException, StatusException {
    ExternalSender sender =
        JoinOperations.decodeExternalSender(request.getExternalSender().toByteArray());
    return propose(request.getStateId(), state -> {
      List<Extension> current = state.group().context().extensions();
      List<ExternalSender> senders = new ArrayList<>(ExternalSender.in(current));
      senders.add(sender);
      List<Extension> next = new ArrayList<>();
      for (Extension e : current) {
        if (e.extensionType() != Extensions.EXTERNAL_SENDERS) {
          next.add(e);
        }
      }
      next.add(ExternalSender.toExtension(senders));
      return state.group().proposeGroupContextExtensions(next);
    });
  }

  /**
   * {@code Commit}: processes the proposals given by reference (skipping this member's own),
   * adds those described by value, and commits. The commit stays pending until {@code
   * HandlePendingCommit}.
   */
  CommitResponse commit(mls_client.MlsClient.CommitRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      receiveProposals(state, request.getByReferenceList());
      CommitRequest commit = CommitRequest.empty();
      for (ProposalDescription description : request.getByValueList()) {
        commit = commit.with(proposal(state, description));
      }
      if (request.getForcePath()) {
        commit = commit.forcePath();
      }
      CommitResult result = state.group().commit(commit);
      CommitResponse.Builder out = CommitResponse.newBuilder()
          .setCommit(JoinOperations.bytes(result.commit()));
      result.welcome().ifPresent(w -> out.setWelcome(JoinOperations.bytes(w)));
      if (request.getExternalTree()) {
        out.setRatchetTree(ByteString.copyFrom(result.ratchetTree().encode()));
      }
      return out.build();
    }
  }

  /** {@code HandleCommit}: the proposals first (skipping own ones), then the commit, merged. */
  HandleCommitResponse handleCommit(HandleCommitRequest request)
      throws SealmeetException, StatusException {
    GroupState state = states.group(request.getStateId());
    synchronized (state) {
      MlsMessage message = MlsMessage.fromBytes(request.getCommit().toByteArray());
      receiveProposals(state, request.getProposalList());
      ProcessedMessage processed = state.group().process(message);
      if (!(processed instanceof StagedCommit staged)) {
        throw Proposals.invalid("not a commit: " + processed.getClass().getSimpleName());
      }
      state.group().merge(staged);
      return handled(request.getStateId(), state);
    }
  }

  /** {@code HandlePendingCommit}: merges this member's own pending commit. */
  HandleCommitResponse handlePendingCommit(int stateId) throws StatusException {
    GroupState state = states.group(stateId);
    synchronized (state) {
      state.group().mergePendingCommit();
      return handled(stateId, state);
    }
  }

  private static HandleCommitResponse handled(int stateId, GroupState state) {
    return HandleCommitResponse.newBuilder().setStateId(stateId)
        .setEpochAuthenticator(ByteString.copyFrom(state.group().epochAuthenticator())).build();
  }

  private static void receiveProposals(GroupState state, List<ByteString> proposals)
      throws SealmeetException, StatusException {
    for (ByteString bytes : proposals) {
      byte[] proposal = bytes.toByteArray();
      if (state.isOwnProposal(proposal)) {
        continue;
      }
      ProcessedMessage processed = state.group().process(MlsMessage.fromBytes(proposal));
      if (!(processed instanceof ReceivedProposal)) {
        throw Proposals.invalid("by reference, expected a proposal, got "
            + processed.getClass().getSimpleName());
      }
    }
  }
}
