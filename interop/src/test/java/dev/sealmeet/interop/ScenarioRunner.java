package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mls_client.MlsClient.CommitRequest;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.CreateGroupRequest;
import mls_client.MlsClient.CreateKeyPackageRequest;
import mls_client.MlsClient.CreateKeyPackageResponse;
import mls_client.MlsClient.FreeRequest;
import mls_client.MlsClient.HandleCommitRequest;
import mls_client.MlsClient.HandleCommitResponse;
import mls_client.MlsClient.HandlePendingCommitRequest;
import mls_client.MlsClient.JoinGroupRequest;
import mls_client.MlsClient.JoinGroupResponse;
import mls_client.MlsClient.ProposalDescription;
import mls_client.MlsClient.StateAuthRequest;

/**
 * Plays one scenario script against interop clients, as the working group's runner does (its
 * {@code interop/test-runner/main.go}, read and re-written): each actor is mapped to a client, the
 * runner keeps each actor's state or transaction id, and what each step produced, by step index.
 *
 * <p>On top of the epoch-authenticator comparisons of the Go runner, after every step that leaves
 * the group settled, every current member is asked for {@code StateAuth} and all answers must be
 * equal. A step that fails ends the script; an UNIMPLEMENTED answer ends it as unimplemented.
 * Every id a client handed out is freed at the end.
 */
final class ScenarioRunner {
  /** How a script ended. */
  enum Outcome { PASSED, FAILED, UNIMPLEMENTED }

  /** A script's result: how it ended, the failing step (or -1) and why, and the checks made. */
  record Result(Outcome outcome, int failedStep, String message, int stateAuthChecks,
      int unprotectChecks) {}

  /** A step that cannot go on; {@code message} says why. */
  static final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
      super(message);
    }
  }

  private static final Set<String> UNSETTLED = Set.of("commit", "handleCommit",
      "handlePendingCommit");
  private static final SecureRandom RANDOM = new SecureRandom();

  final List<RunnerClient> clients;
  int suite;
  final boolean encrypt;
  final Map<String, RunnerClient> actorClients = new LinkedHashMap<>();
  final Map<String, Integer> stateId = new HashMap<>();
  final Map<String, Integer> transactionId = new HashMap<>();
  final Map<String, Integer> signerId = new HashMap<>();
  final List<Map<String, byte[]>> cache = new ArrayList<>();
  /** The actors whose states are in the group's current epoch. */
  Set<String> members = new LinkedHashSet<>();
  private final List<Map.Entry<RunnerClient, Integer>> created = new ArrayList<>();
  private int stateAuthChecks;
  private int unprotectChecks;

  private ScenarioRunner(List<RunnerClient> clients, int suite, boolean encrypt) {
    this.clients = clients;
    this.suite = suite;
    this.encrypt = encrypt;
  }

  /** Plays {@code steps} with actors spread over {@code clients} in turn. */
  static Result run(List<ScenarioStep> steps, List<RunnerClient> clients, int suite,
      boolean encrypt) {
    ScenarioRunner runner = new ScenarioRunner(clients, suite, encrypt);
    try {
      return runner.play(steps);
    } finally {
      runner.freeAll();
    }
  }

  private Result play(List<ScenarioStep> steps) {
    int next = 0;
    for (ScenarioStep step : steps) {
      for (String actor : actorsOf(step)) {
        if (!actorClients.containsKey(actor)) {
          actorClients.put(actor, clients.get(next++ % clients.size()));
        }
      }
      cache.add(new HashMap<>());
    }
    for (ScenarioStep step : steps) {
      try {
        new StepPlayer(this).play(step);
        if (!UNSETTLED.contains(step.action())) {
          checkStateAuth();
        }
      } catch (StatusRuntimeException e) {
        Outcome outcome = e.getStatus().getCode() == Status.Code.UNIMPLEMENTED
            ? Outcome.UNIMPLEMENTED : Outcome.FAILED;
        return new Result(outcome, step.index(), step.action() + ": " + e.getStatus(),
            stateAuthChecks, unprotectChecks);
      } catch (StepFailure e) {
        return new Result(Outcome.FAILED, step.index(), step.action() + ": " + e.getMessage(),
            stateAuthChecks, unprotectChecks);
      }
    }
    return new Result(Outcome.PASSED, -1, "", stateAuthChecks, unprotectChecks);
  }

  private static List<String> actorsOf(ScenarioStep step) {
    List<String> out = new ArrayList<>();
    for (String single : List.of("actor", "joiner", "signer", "member", "proposer", "committer",
        "welcomer")) {
      if (!step.text(single).isEmpty()) {
        out.add(step.text(single));
      }
    }
    for (String list : List.of("members", "joiners", "clients")) {
      out.addAll(step.names(list));
    }
    return out;
  }

  // ---------------------------------------------------------------- shared by the step player

  RunnerClient client(String actor) throws StepFailure {
    RunnerClient client = actorClients.get(actor);
    if (client == null) {
      throw new StepFailure("unknown actor " + actor);
    }
    return client;
  }

  int state(String actor) throws StepFailure {
    Integer id = stateId.get(actor);
    if (id == null) {
      throw new StepFailure("no state for " + actor);
    }
    return id;
  }

  void store(int index, String key, byte[] value) {
    cache.get(index).put(key, value);
  }

  void store(int index, String key, ByteString value) {
    store(index, key, value.toByteArray());
  }

  ByteString message(int index, String key) throws StepFailure {
    byte[] value = index >= 0 && index < cache.size() ? cache.get(index).get(key) : null;
    if (value == null) {
      throw new StepFailure("no " + key + " at step " + index);
    }
    return ByteString.copyFrom(value);
  }

  /** Records an id a client handed out, to free it at the end. */
  int created(RunnerClient client, int id) {
    created.add(Map.entry(client, id));
    return id;
  }

  void countUnprotect() {
    unprotectChecks++;
  }

  static byte[] randomBytes(int length) {
    byte[] out = new byte[length];
    RANDOM.nextBytes(out);
    return out;
  }

  static ByteString utf8(String s) {
    return ByteString.copyFrom(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh group id, as the Go runner makes it (a UUID string). */
  static ByteString newGroupId() {
    return utf8(UUID.randomUUID().toString());
  }

  /** Group id of step 0, with "++" appended if {@code change} (the Go runner's NewGroupID). */
  ByteString reinitGroupId(boolean change) throws StepFailure {
    ByteString base = message(0, "group_id");
    return change ? base.concat(utf8("++")) : base;
  }

  /** Switches to another suite every client supports (the Go runner's ChangeCipherSuite). */
  void changeSuite() throws StepFailure {
    Set<Integer> common = null;
    for (RunnerClient client : actorClients.values()) {
      if (common == null) {
        common = new LinkedHashSet<>(client.suites());
      } else {
        common.retainAll(client.suites());
      }
    }
    if (common != null) {
      common.remove(suite);
    }
    if (common == null || common.isEmpty()) {
      throw new StepFailure("no other suite that every client supports");
    }
    suite = common.iterator().next();
  }

  /** A ProposalDescription of the script, as the Go runner's ProposalDescriptionToProto. */
  ProposalDescription description(ScenarioStep d) throws StepFailure {
    String type = d.text("proposalType");
    ProposalDescription.Builder out = ProposalDescription.newBuilder().setProposalType(utf8(type));
    switch (type) {
      case "add" -> out.setKeyPackage(message(d.number("keyPackage"), "key_package"));
      case "remove" -> out.setRemovedId(utf8(d.text("removed")));
      case "externalPSK" -> out.setPskId(message(d.number("pskID"), "psk_id"));
      case "resumptionPSK" -> out.setEpochId(d.number("epochID"));
      case "groupContextExtensions" -> out.addAllExtensions(d.extensions("extensions"));
      case "reinit" -> {
        out.addAllExtensions(d.extensions("extensions"));
        if (d.flag("changeCipherSuite")) {
          changeSuite();
        }
        out.setCipherSuite(suite).setGroupId(reinitGroupId(d.flag("changeGroupID")));
      }
      default -> throw new StepFailure("unknown proposal type " + type);
    }
    return out.build();
  }

  /** Adds members to a fresh group: KeyPackages, one commit of Adds by value, Welcome joins. */
  void addMembers(String creator, List<String> added) throws StepFailure {
    RunnerClient committer = client(creator);
    CommitRequest.Builder commit = CommitRequest.newBuilder().setStateId(state(creator));
    Map<String, Integer> transactions = new LinkedHashMap<>();
    for (String member : added) {
      RunnerClient client = client(member);
      CreateKeyPackageResponse kp = client.rpc().createKeyPackage(CreateKeyPackageRequest
          .newBuilder().setCipherSuite(suite).setIdentity(utf8(member)).build());
      transactions.put(member, created(client, kp.getTransactionId()));
      commit.addByValue(ProposalDescription.newBuilder().setProposalType(utf8("add"))
          .setKeyPackage(kp.getKeyPackage()));
    }
    CommitResponse committed = committer.rpc().commit(commit.build());
    HandleCommitResponse merged = committer.rpc().handlePendingCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(state(creator)).build());
    stateId.put(creator, merged.getStateId());
    for (String member : added) {
      JoinGroupResponse joined = client(member).rpc().joinGroup(JoinGroupRequest.newBuilder()
          .setTransactionId(transactions.get(member)).setWelcome(committed.getWelcome())
          .setEncryptHandshake(encrypt).setIdentity(utf8(member)).build());
      expectSame(merged.getEpochAuthenticator(), joined.getEpochAuthenticator(), member);
      stateId.put(member, created(client(member), joined.getStateId()));
    }
  }

  /** Creates the group of {@code actor}. */
  void createGroup(ScenarioStep step) throws StepFailure {
    ByteString groupId = newGroupId();
    RunnerClient client = client(step.actor());
    int id = client.rpc().createGroup(CreateGroupRequest.newBuilder().setGroupId(groupId)
        .setCipherSuite(suite).setEncryptHandshake(encrypt).setIdentity(utf8(step.actor()))
        .build()).getStateId();
    stateId.put(step.actor(), created(client, id));
    store(step.index(), "group_id", groupId);
    members = new LinkedHashSet<>(List.of(step.actor()));
    if (!step.names("members").isEmpty()) {
      addMembers(step.actor(), step.names("members"));
      members.addAll(step.names("members"));
    }
  }

  static void expectSame(ByteString expected, ByteString actual, String who) throws StepFailure {
    if (!expected.equals(actual)) {
      throw new StepFailure("member [" + who + "] failed to agree on epoch authenticator");
    }
  }

  private void checkStateAuth() throws StepFailure {
    ByteString first = null;
    for (String actor : members) {
      ByteString auth = client(actor).rpc().stateAuth(
          StateAuthRequest.newBuilder().setStateId(state(actor)).build()).getStateAuthSecret();
      if (first == null) {
        first = auth;
      } else if (!first.equals(auth)) {
        throw new StepFailure("members " + members + " do not agree on StateAuth");
      }
    }
    stateAuthChecks++;
  }

  private void freeAll() {
    for (Map.Entry<RunnerClient, Integer> entry : created) {
      try {
        entry.getKey().rpc().free(FreeRequest.newBuilder().setStateId(entry.getValue()).build());
      } catch (StatusRuntimeException e) {
        // Freeing is best effort; the script's result stands.
      }
    }
  }
}
