package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import dev.sealmeet.interop.ScenarioRunner.StepFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mls_client.MlsClient.AddExternalSignerRequest;
import mls_client.MlsClient.AddProposalRequest;
import mls_client.MlsClient.CommitRequest;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.CreateBranchRequest;
import mls_client.MlsClient.CreateExternalSignerRequest;
import mls_client.MlsClient.CreateExternalSignerResponse;
import mls_client.MlsClient.CreateKeyPackageRequest;
import mls_client.MlsClient.CreateKeyPackageResponse;
import mls_client.MlsClient.CreateSubgroupResponse;
import mls_client.MlsClient.ExternalJoinRequest;
import mls_client.MlsClient.ExternalJoinResponse;
import mls_client.MlsClient.ExternalPSKProposalRequest;
import mls_client.MlsClient.ExternalSignerProposalRequest;
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
import mls_client.MlsClient.NewMemberAddProposalRequest;
import mls_client.MlsClient.NewMemberAddProposalResponse;
import mls_client.MlsClient.PreSharedKey;
import mls_client.MlsClient.ProposalResponse;
import mls_client.MlsClient.ProtectRequest;
import mls_client.MlsClient.ReInitProposalRequest;
import mls_client.MlsClient.ReInitWelcomeRequest;
import mls_client.MlsClient.RemoveProposalRequest;
import mls_client.MlsClient.ResumptionPSKProposalRequest;
import mls_client.MlsClient.StorePSKRequest;
import mls_client.MlsClient.UnprotectRequest;
import mls_client.MlsClient.UnprotectResponse;
import mls_client.MlsClient.UpdateProposalRequest;

/** The actions of the scenario language, one method each, calling the RPCs the Go runner calls. */
final class StepPlayer {
  private final ScenarioRunner r;

  StepPlayer(ScenarioRunner runner) {
    this.r = runner;
  }

  void play(ScenarioStep step) throws StepFailure {
    switch (step.action()) {
      case "createGroup" -> r.createGroup(step);
      case "createKeyPackage" -> createKeyPackage(step);
      case "joinGroup" -> joinGroup(step);
      case "externalJoin" -> externalJoin(step);
      case "installExternalPSK" -> installExternalPsk(step);
      case "groupInfo" -> groupInfo(step);
      case "addProposal", "updateProposal", "removeProposal", "externalPSKProposal",
          "resumptionPSKProposal", "groupContextExtensionsProposal" -> propose(step);
      case "fullCommit" -> fullCommit(step);
      case "commit" -> commit(step);
      case "handleCommit" -> handleCommit(step);
      case "handlePendingCommit" -> handlePendingCommit(step);
      case "protect" -> protect(step);
      case "unprotect" -> unprotect(step);
      case "reinit" -> reinit(step);
      case "branch" -> branch(step);
      case "newMemberAddProposal" -> newMemberAddProposal(step);
      case "addExternalSigner" -> addExternalSigner(step);
      case "externalSignerProposal" -> externalSignerProposal(step);
      default -> throw new StepFailure("unknown action " + step.action());
    }
  }

  private void createKeyPackage(ScenarioStep step) throws StepFailure {
    RunnerClient client = r.client(step.actor());
    CreateKeyPackageResponse kp = client.rpc().createKeyPackage(CreateKeyPackageRequest
        .newBuilder().setCipherSuite(r.suite).setIdentity(ScenarioRunner.utf8(step.actor()))
        .build());
    r.transactionId.put(step.actor(), r.created(client, kp.getTransactionId()));
    r.store(step.index(), "key_package", kp.getKeyPackage());
  }

  private void joinGroup(ScenarioStep step) throws StepFailure {
    Integer tx = r.transactionId.get(step.actor());
    if (tx == null) {
      throw new StepFailure("no transaction for " + step.actor());
    }
    RunnerClient client = r.client(step.actor());
    JoinGroupResponse joined = client.rpc().joinGroup(JoinGroupRequest.newBuilder()
        .setTransactionId(tx).setWelcome(r.message(step.number("welcome"), "welcome"))
        .setEncryptHandshake(r.encrypt).setIdentity(ScenarioRunner.utf8(step.actor())).build());
    r.stateId.put(step.actor(), r.created(client, joined.getStateId()));
    r.members.add(step.actor());
  }

  private void externalJoin(ScenarioStep step) throws StepFailure {
    String joiner = step.text("joiner");
    GroupInfoResponse info = r.client(step.actor()).rpc().groupInfo(GroupInfoRequest
        .newBuilder().setStateId(r.state(step.actor()))
        .setExternalTree(step.flag("externalTree")).build());
    r.store(step.index(), "group_info", info.getGroupInfo());
    r.store(step.index(), "ratchet_tree", info.getRatchetTree());
    ExternalJoinRequest.Builder request = ExternalJoinRequest.newBuilder()
        .setGroupInfo(info.getGroupInfo()).setRatchetTree(info.getRatchetTree())
        .setEncryptHandshake(r.encrypt).setIdentity(ScenarioRunner.utf8(joiner))
        .setRemovePrior(step.flag("removePrior"));
    for (int psk : step.indices("psks")) {
      request.addPsks(PreSharedKey.newBuilder().setPskId(r.message(psk, "psk_id"))
          .setPskSecret(r.message(psk, "psk_secret")));
    }
    RunnerClient client = r.client(joiner);
    ExternalJoinResponse joined = client.rpc().externalJoin(request.build());
    r.stateId.put(joiner, r.created(client, joined.getStateId()));
    r.store(step.index(), "commit", joined.getCommit());
    List<String> handlers = new ArrayList<>(step.names("members"));
    handlers.add(step.actor());
    for (String member : handlers) {
      HandleCommitResponse handled = r.client(member).rpc().handleCommit(HandleCommitRequest
          .newBuilder().setStateId(r.state(member)).setCommit(joined.getCommit()).build());
      ScenarioRunner.expectSame(joined.getEpochAuthenticator(), handled.getEpochAuthenticator(),
          member);
      r.stateId.put(member, handled.getStateId());
    }
    Set<String> group = new LinkedHashSet<>(handlers);
    group.add(joiner);
    r.members = group;
  }

  private void installExternalPsk(ScenarioStep step) throws StepFailure {
    byte[] id = ScenarioRunner.randomBytes(32);
    byte[] secret = ScenarioRunner.randomBytes(32);
    r.store(step.index(), "psk_id", id);
    r.store(step.index(), "psk_secret", secret);
    for (String name : step.names("clients")) {
      Integer target = r.stateId.containsKey(name) ? r.stateId.get(name)
          : r.transactionId.getOrDefault(name, 0);
      r.client(name).rpc().storePSK(StorePSKRequest.newBuilder().setStateOrTransactionId(target)
          .setPskId(ByteString.copyFrom(id)).setPskSecret(ByteString.copyFrom(secret)).build());
    }
  }

  private void groupInfo(ScenarioStep step) throws StepFailure {
    GroupInfoResponse info = r.client(step.actor()).rpc().groupInfo(GroupInfoRequest
        .newBuilder().setStateId(r.state(step.actor()))
        .setExternalTree(step.flag("externalTree")).build());
    r.store(step.index(), "group_info", info.getGroupInfo());
    r.store(step.index(), "ratchet_tree", info.getRatchetTree());
  }

  private void propose(ScenarioStep step) throws StepFailure {
    var rpc = r.client(step.actor()).rpc();
    int state = r.state(step.actor());
    ProposalResponse response = switch (step.action()) {
      case "addProposal" -> rpc.addProposal(AddProposalRequest.newBuilder().setStateId(state)
          .setKeyPackage(r.message(step.number("keyPackage"), "key_package")).build());
      case "updateProposal" -> rpc.updateProposal(
          UpdateProposalRequest.newBuilder().setStateId(state).build());
      case "removeProposal" -> rpc.removeProposal(RemoveProposalRequest.newBuilder()
          .setStateId(state).setRemovedId(ScenarioRunner.utf8(step.text("removed"))).build());
      case "externalPSKProposal" -> rpc.externalPSKProposal(ExternalPSKProposalRequest
          .newBuilder().setStateId(state).setPskId(r.message(step.number("pskID"), "psk_id"))
          .build());
      case "resumptionPSKProposal" -> rpc.resumptionPSKProposal(ResumptionPSKProposalRequest
          .newBuilder().setStateId(state).setEpochId(step.number("epochID")).build());
      default -> rpc.groupContextExtensionsProposal(GroupContextExtensionsProposalRequest
          .newBuilder().setStateId(state).addAllExtensions(step.extensions("extensions"))
          .build());
    };
    r.store(step.index(), "proposal", response.getProposal());
  }

  private CommitRequest commitRequest(ScenarioStep step, List<ByteString> byRef)
      throws StepFailure {
    for (int index : step.indices("byReference")) {
      byRef.add(r.message(index, "proposal"));
    }
    CommitRequest.Builder request = CommitRequest.newBuilder()
        .setStateId(r.state(step.actor())).addAllByReference(byRef)
        .setForcePath(step.flag("force_path")).setExternalTree(step.flag("external_tree"));
    for (ScenarioStep description : step.objects("byValue")) {
      request.addByValue(r.description(description));
    }
    return request.build();
  }

  private void fullCommit(ScenarioStep step) throws StepFailure {
    List<ByteString> byRef = new ArrayList<>();
    RunnerClient committer = r.client(step.actor());
    CommitResponse commit = committer.rpc().commit(commitRequest(step, byRef));
    boolean externalTree = step.flag("external_tree");
    r.store(step.index(), "welcome", commit.getWelcome());
    r.store(step.index(), "commit", commit.getCommit());
    if (externalTree) {
      r.store(step.index(), "ratchet_tree", commit.getRatchetTree());
    }
    HandleCommitResponse merged = committer.rpc().handlePendingCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(r.state(step.actor())).build());
    r.stateId.put(step.actor(), merged.getStateId());
    ByteString authenticator = merged.getEpochAuthenticator();
    r.store(step.index(), "epoch_authenticator", authenticator);
    for (String member : step.names("members")) {
      HandleCommitResponse handled = r.client(member).rpc().handleCommit(HandleCommitRequest
          .newBuilder().setStateId(r.state(member)).addAllProposal(byRef)
          .setCommit(commit.getCommit()).build());
      ScenarioRunner.expectSame(authenticator, handled.getEpochAuthenticator(), member);
      r.stateId.put(member, handled.getStateId());
    }
    for (String joiner : step.names("joiners")) {
      Integer tx = r.transactionId.get(joiner);
      if (tx == null) {
        throw new StepFailure("no transaction for " + joiner);
      }
      JoinGroupRequest.Builder join = JoinGroupRequest.newBuilder().setTransactionId(tx)
          .setWelcome(commit.getWelcome()).setEncryptHandshake(r.encrypt)
          .setIdentity(ScenarioRunner.utf8(joiner));
      if (externalTree) {
        join.setRatchetTree(commit.getRatchetTree());
      }
      RunnerClient client = r.client(joiner);
      JoinGroupResponse joined = client.rpc().joinGroup(join.build());
      ScenarioRunner.expectSame(authenticator, joined.getEpochAuthenticator(), joiner);
      r.stateId.put(joiner, r.created(client, joined.getStateId()));
    }
    Set<String> group = new LinkedHashSet<>(List.of(step.actor()));
    group.addAll(step.names("members"));
    group.addAll(step.names("joiners"));
    r.members = group;
  }

  private void commit(ScenarioStep step) throws StepFailure {
    CommitResponse commit = r.client(step.actor()).rpc()
        .commit(commitRequest(step, new ArrayList<>()));
    r.store(step.index(), "commit", commit.getCommit());
    r.store(step.index(), "welcome", commit.getWelcome());
    if (step.flag("external_tree")) {
      r.store(step.index(), "ratchet_tree", commit.getRatchetTree());
    }
  }

  private void handleCommit(ScenarioStep step) throws StepFailure {
    HandleCommitRequest.Builder request = HandleCommitRequest.newBuilder()
        .setStateId(r.state(step.actor()))
        .setCommit(r.message(step.number("commit"), "commit"));
    for (int index : step.indices("byReference")) {
      request.addProposal(r.message(index, "proposal"));
    }
    r.stateId.put(step.actor(),
        r.client(step.actor()).rpc().handleCommit(request.build()).getStateId());
  }

  private void handlePendingCommit(ScenarioStep step) throws StepFailure {
    r.stateId.put(step.actor(), r.client(step.actor()).rpc().handlePendingCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(r.state(step.actor())).build())
        .getStateId());
  }

  private void protect(ScenarioStep step) throws StepFailure {
    ByteString aad = ScenarioRunner.utf8(step.text("authenticatedData"));
    ByteString plaintext = ScenarioRunner.utf8(step.text("plaintext"));
    ByteString ciphertext = r.client(step.actor()).rpc().protect(ProtectRequest.newBuilder()
        .setStateId(r.state(step.actor())).setAuthenticatedData(aad).setPlaintext(plaintext)
        .build()).getCiphertext();
    r.store(step.index(), "authenticatedData", aad);
    r.store(step.index(), "plaintext", plaintext);
    r.store(step.index(), "ciphertext", ciphertext);
  }

  private void unprotect(ScenarioStep step) throws StepFailure {
    int source = step.number("ciphertext");
    UnprotectResponse opened = r.client(step.actor()).rpc().unprotect(UnprotectRequest
        .newBuilder().setStateId(r.state(step.actor()))
        .setCiphertext(r.message(source, "ciphertext")).build());
    if (!opened.getAuthenticatedData().equals(r.message(source, "authenticatedData"))) {
      throw new StepFailure("incorrect authenticated data");
    }
    if (!opened.getPlaintext().equals(r.message(source, "plaintext"))) {
      throw new StepFailure("incorrect plaintext");
    }
    r.store(step.index(), "authenticatedData", opened.getAuthenticatedData());
    r.store(step.index(), "plaintext", opened.getPlaintext());
    r.countUnprotect();
  }

  private void reinit(ScenarioStep step) throws StepFailure {
    String committer = step.text("committer");
    String welcomer = step.text("welcomer");
    String proposer = step.text("proposer");
    Set<String> notCommitter = new LinkedHashSet<>(List.of(welcomer));
    Set<String> notWelcomer = new LinkedHashSet<>(List.of(committer));
    notCommitter.addAll(step.names("members"));
    notWelcomer.addAll(step.names("members"));
    if (!proposer.isEmpty()) {
      notCommitter.add(proposer);
      notWelcomer.add(proposer);
    }
    notCommitter.remove(committer);
    notWelcomer.remove(welcomer);
    ByteString groupId = r.reinitGroupId(step.flag("changeGroupID"));
    if (step.flag("changeCipherSuite")) {
      r.changeSuite();
    }
    ByteString proposal;
    if (!proposer.isEmpty()) {
      proposal = r.client(proposer).rpc().reInitProposal(ReInitProposalRequest.newBuilder()
          .setStateId(r.state(proposer)).setCipherSuite(r.suite).setGroupId(groupId)
          .addAllExtensions(step.extensions("extensions")).build()).getProposal();
    } else {
      proposal = r.message(step.number("externalReinitProposal"), "proposal");
    }
    var committerRpc = r.client(committer).rpc();
    CommitResponse commit = committerRpc.reInitCommit(CommitRequest.newBuilder()
        .setStateId(r.state(committer)).addByReference(proposal).build());
    HandleReInitCommitResponse own = committerRpc.handlePendingReInitCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(r.state(committer)).build());
    Map<String, HandleReInitCommitResponse> reinits = new LinkedHashMap<>();
    reinits.put(committer, own);
    for (String member : notCommitter) {
      HandleReInitCommitResponse handled = r.client(member).rpc().handleReInitCommit(
          HandleCommitRequest.newBuilder().setStateId(r.state(member)).addProposal(proposal)
              .setCommit(commit.getCommit()).build());
      ScenarioRunner.expectSame(own.getEpochAuthenticator(), handled.getEpochAuthenticator(),
          member);
      reinits.put(member, handled);
    }
    ReInitWelcomeRequest.Builder welcome = ReInitWelcomeRequest.newBuilder()
        .setReinitId(reinits.get(welcomer).getReinitId()).setForcePath(step.flag("forcePath"))
        .setExternalTree(step.flag("externalTree"));
    for (String member : notWelcomer) {
      welcome.addKeyPackage(reinits.get(member).getKeyPackage());
    }
    CreateSubgroupResponse created = r.client(welcomer).rpc().reInitWelcome(welcome.build());
    r.stateId.put(welcomer, r.created(r.client(welcomer), created.getStateId()));
    ByteString tree = step.flag("externalTree") ? created.getRatchetTree() : ByteString.EMPTY;
    for (String member : notWelcomer) {
      JoinGroupResponse joined = r.client(member).rpc().handleReInitWelcome(
          HandleReInitWelcomeRequest.newBuilder().setReinitId(reinits.get(member).getReinitId())
              .setWelcome(created.getWelcome()).setRatchetTree(tree).build());
      ScenarioRunner.expectSame(created.getEpochAuthenticator(), joined.getEpochAuthenticator(),
          member);
      r.stateId.put(member, r.created(r.client(member), joined.getStateId()));
    }
    Set<String> group = new LinkedHashSet<>(notWelcomer);
    group.add(welcomer);
    r.members = group;
  }

  private void branch(ScenarioStep step) throws StepFailure {
    Map<String, Integer> transactions = new LinkedHashMap<>();
    List<ByteString> keyPackages = new ArrayList<>();
    for (String member : step.names("members")) {
      RunnerClient client = r.client(member);
      CreateKeyPackageResponse kp = client.rpc().createKeyPackage(CreateKeyPackageRequest
          .newBuilder().setCipherSuite(r.suite).setIdentity(ScenarioRunner.utf8(member))
          .build());
      transactions.put(member, r.created(client, kp.getTransactionId()));
      keyPackages.add(kp.getKeyPackage());
    }
    // The Go runner reads "force_path" and "external_tree" here; branch.json spells them
    // "forcePath" and "externalTree", which it therefore ignores. We do the same.
    boolean externalTree = step.flag("external_tree");
    RunnerClient client = r.client(step.actor());
    CreateSubgroupResponse created = client.rpc().createBranch(CreateBranchRequest.newBuilder()
        .setStateId(r.state(step.actor())).setGroupId(ScenarioRunner.newGroupId())
        .addAllExtensions(step.extensions("extensions")).addAllKeyPackages(keyPackages)
        .setForcePath(step.flag("force_path")).setExternalTree(externalTree).build());
    r.stateId.put(step.actor(), r.created(client, created.getStateId()));
    ByteString tree = externalTree ? created.getRatchetTree() : ByteString.EMPTY;
    for (String member : step.names("members")) {
      HandleBranchResponse joined = r.client(member).rpc().handleBranch(HandleBranchRequest
          .newBuilder().setStateId(r.state(member)).setTransactionId(transactions.get(member))
          .setWelcome(created.getWelcome()).setRatchetTree(tree).build());
      ScenarioRunner.expectSame(created.getEpochAuthenticator(), joined.getEpochAuthenticator(),
          member);
      r.stateId.put(member, r.created(r.client(member), joined.getStateId()));
    }
    Set<String> group = new LinkedHashSet<>(List.of(step.actor()));
    group.addAll(step.names("members"));
    r.members = group;
  }

  private void newMemberAddProposal(ScenarioStep step) throws StepFailure {
    String joiner = step.text("joiner");
    GroupInfoResponse info = r.client(step.actor()).rpc().groupInfo(
        GroupInfoRequest.newBuilder().setStateId(r.state(step.actor())).build());
    RunnerClient client = r.client(joiner);
    NewMemberAddProposalResponse proposal = client.rpc().newMemberAddProposal(
        NewMemberAddProposalRequest.newBuilder().setGroupInfo(info.getGroupInfo())
            .setIdentity(ScenarioRunner.utf8(joiner)).build());
    r.transactionId.put(joiner, r.created(client, proposal.getTransactionId()));
    r.store(step.index(), "proposal", proposal.getProposal());
  }

  private void addExternalSigner(ScenarioStep step) throws StepFailure {
    String signer = step.text("signer");
    RunnerClient client = r.client(signer);
    CreateExternalSignerResponse created = client.rpc().createExternalSigner(
        CreateExternalSignerRequest.newBuilder().setCipherSuite(r.suite)
            .setIdentity(ScenarioRunner.utf8(signer)).build());
    r.signerId.put(signer, r.created(client, created.getSignerId()));
    ProposalResponse proposal = r.client(step.actor()).rpc().addExternalSigner(
        AddExternalSignerRequest.newBuilder().setStateId(r.state(step.actor()))
            .setExternalSender(created.getExternalSender()).build());
    r.store(step.index(), "proposal", proposal.getProposal());
  }

  private void externalSignerProposal(ScenarioStep step) throws StepFailure {
    String member = step.text("member");
    GroupInfoResponse info = r.client(member).rpc().groupInfo(GroupInfoRequest.newBuilder()
        .setStateId(r.state(member)).setExternalTree(true).build());
    Integer signer = r.signerId.get(step.actor());
    if (signer == null) {
      throw new StepFailure("no signer " + step.actor());
    }
    ProposalResponse proposal = r.client(step.actor()).rpc().externalSignerProposal(
        ExternalSignerProposalRequest.newBuilder().setSignerId(signer)
            .setGroupInfo(info.getGroupInfo()).setRatchetTree(info.getRatchetTree())
            .setDescription(r.description(step.object("description"))).build());
    r.store(step.index(), "proposal", proposal.getProposal());
  }
}
