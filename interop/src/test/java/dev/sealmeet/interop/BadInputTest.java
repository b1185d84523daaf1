package dev.sealmeet.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.List;
import mls_client.MLSClientGrpc.MLSClientBlockingStub;
import mls_client.MlsClient.CommitRequest;
import mls_client.MlsClient.CommitResponse;
import mls_client.MlsClient.CreateGroupRequest;
import mls_client.MlsClient.CreateKeyPackageRequest;
import mls_client.MlsClient.CreateKeyPackageResponse;
import mls_client.MlsClient.HandleCommitRequest;
import mls_client.MlsClient.HandleCommitResponse;
import mls_client.MlsClient.HandlePendingCommitRequest;
import mls_client.MlsClient.JoinGroupRequest;
import mls_client.MlsClient.JoinGroupResponse;
import mls_client.MlsClient.ProposalDescription;
import mls_client.MlsClient.ProtectRequest;
import mls_client.MlsClient.StateAuthRequest;
import mls_client.MlsClient.UnprotectRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed MLS bytes in JoinGroup, HandleCommit and Unprotect: each call fails with an error
 * status that says why, the server keeps serving, and the state or transaction it targeted still
 * works afterwards.
 */
class BadInputTest {
  private static InteropHarness harness;
  private static MLSClientBlockingStub alice;
  private static MLSClientBlockingStub bob;

  @BeforeAll
  static void start() throws Exception {
    harness = InteropHarness.start(2);
    alice = harness.clients().get(0).rpc();
    bob = harness.clients().get(1).rpc();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    harness.close();
  }

  /** Alice's group, and Bob's KeyPackage transaction. */
  private record Setup(int aliceState, int bobTransaction, CommitResponse commit,
      ByteString authenticator) {}

  private static Setup aliceAddsBob() {
    int aliceState = alice.createGroup(CreateGroupRequest.newBuilder()
        .setGroupId(ScenarioRunner.utf8("bad-input")).setCipherSuite(1)
        .setIdentity(ScenarioRunner.utf8("alice")).build()).getStateId();
    CreateKeyPackageResponse kp = bob.createKeyPackage(CreateKeyPackageRequest.newBuilder()
        .setCipherSuite(1).setIdentity(ScenarioRunner.utf8("bob")).build());
    CommitResponse commit = alice.commit(CommitRequest.newBuilder().setStateId(aliceState)
        .addByValue(ProposalDescription.newBuilder().setProposalType(ScenarioRunner.utf8("add"))
            .setKeyPackage(kp.getKeyPackage())).build());
    HandleCommitResponse merged = alice.handlePendingCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(aliceState).build());
    return new Setup(aliceState, kp.getTransactionId(), commit, merged.getEpochAuthenticator());
  }

  /** Variants of {@code good}: empty, garbage, truncated, one byte flipped, one byte extra. */
  private static List<ByteString> malformed(ByteString good) {
    byte[] bytes = good.toByteArray();
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x01;
    byte[] extended = Arrays.copyOf(bytes, bytes.length + 1);
    return List.of(ByteString.EMPTY, ScenarioRunner.utf8("not an MLS message"),
        ByteString.copyFrom(bytes, 0, bytes.length - 1), ByteString.copyFrom(flipped),
        ByteString.copyFrom(extended));
  }

  private static void assertInvalid(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).isNotBlank();
    });
  }

  @Test
  void joinGroup_malformedWelcome_isInvalidArgument_andTheTransactionStillJoins() {
    Setup setup = aliceAddsBob();
    for (ByteString bad : malformed(setup.commit().getWelcome())) {
      assertInvalid(() -> bob.joinGroup(JoinGroupRequest.newBuilder()
          .setTransactionId(setup.bobTransaction()).setWelcome(bad).build()));
    }
    JoinGroupResponse joined = bob.joinGroup(JoinGroupRequest.newBuilder()
        .setTransactionId(setup.bobTransaction()).setWelcome(setup.commit().getWelcome())
        .build());
    assertThat(joined.getEpochAuthenticator()).isEqualTo(setup.authenticator());
  }

  @Test
  void handleCommit_malformedCommit_isInvalidArgument_andTheStateStillHandlesTheRealOne() {
    Setup setup = aliceAddsBob();
    int bobState = bob.joinGroup(JoinGroupRequest.newBuilder()
        .setTransactionId(setup.bobTransaction()).setWelcome(setup.commit().getWelcome())
        .build()).getStateId();
    CommitResponse next = alice.commit(
        CommitRequest.newBuilder().setStateId(setup.aliceState()).build());
    ByteString authenticator = alice.handlePendingCommit(HandlePendingCommitRequest.newBuilder()
        .setStateId(setup.aliceState()).build()).getEpochAuthenticator();
    for (ByteString bad : malformed(next.getCommit())) {
      assertInvalid(() -> bob.handleCommit(HandleCommitRequest.newBuilder().setStateId(bobState)
          .setCommit(bad).build()));
    }
    assertThat(bob.stateAuth(StateAuthRequest.newBuilder().setStateId(bobState).build())
        .getStateAuthSecret()).isEqualTo(setup.authenticator());
    HandleCommitResponse handled = bob.handleCommit(HandleCommitRequest.newBuilder()
        .setStateId(bobState).setCommit(next.getCommit()).build());
    assertThat(handled.getEpochAuthenticator()).isEqualTo(authenticator);
  }

  @Test
  void unprotect_malformedCiphertext_isInvalidArgument_andTheStateStillDecrypts() {
    Setup setup = aliceAddsBob();
    int bobState = bob.joinGroup(JoinGroupRequest.newBuilder()
        .setTransactionId(setup.bobTransaction()).setWelcome(setup.commit().getWelcome())
        .build()).getStateId();
    ByteString ciphertext = alice.protect(ProtectRequest.newBuilder()
        .setStateId(setup.aliceState()).setAuthenticatedData(ScenarioRunner.utf8("ad"))
        .setPlaintext(ScenarioRunner.utf8("hello")).build()).getCiphertext();
    for (ByteString bad : malformed(ciphertext)) {
      assertInvalid(() -> bob.unprotect(UnprotectRequest.newBuilder().setStateId(bobState)
          .setCiphertext(bad).build()));
    }
    var opened = bob.unprotect(UnprotectRequest.newBuilder().setStateId(bobState)
        .setCiphertext(ciphertext).build());
    assertThat(opened.getPlaintext()).isEqualTo(ScenarioRunner.utf8("hello"));
    assertThat(opened.getAuthenticatedData()).isEqualTo(ScenarioRunner.utf8("ad"));
  }

  @Test
  void unknownIds_andBadCalls_answerWithAStatus_andTheServerKeepsServing() {
    assertInvalid(() -> alice.stateAuth(StateAuthRequest.newBuilder().setStateId(999_999)
        .build()));
    assertInvalid(() -> alice.createGroup(CreateGroupRequest.newBuilder().setCipherSuite(0x7777)
        .setIdentity(ScenarioRunner.utf8("x")).build()));
    assertInvalid(() -> alice.createBranch(
        mls_client.MlsClient.CreateBranchRequest.getDefaultInstance()));
    assertInvalid(() -> alice.handleReInitWelcome(
        mls_client.MlsClient.HandleReInitWelcomeRequest.newBuilder().setReinitId(999_999)
            .build()));
    assertThatThrownBy(() -> alice.handlePendingCommit(
        HandlePendingCommitRequest.newBuilder().setStateId(aliceAddsBob().aliceState()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    assertThat(alice.name(mls_client.MlsClient.NameRequest.getDefaultInstance()).getName())
        .isEqualTo(MlsClientService.NAME);
  }
}
