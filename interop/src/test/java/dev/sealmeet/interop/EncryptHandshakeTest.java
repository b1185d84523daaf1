package dev.sealmeet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.WireFormat;
import mls_client.MLSClientGrpc.MLSClientBlockingStub;
import mls_client.MlsClient.CommitRequest;
import mls_client.MlsClient.CreateGroupRequest;
import mls_client.MlsClient.UpdateProposalRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code encrypt_handshake} picks the wire format of the proposals and commits a state sends. */
class EncryptHandshakeTest {

  @ParameterizedTest(name = "encrypt_handshake {0}")
  @ValueSource(booleans = {false, true})
  void handshakes_followTheFlag(boolean encrypt) throws Exception {
    try (InteropHarness harness = InteropHarness.start(1)) {
      MLSClientBlockingStub rpc = harness.clients().get(0).rpc();
      int state = rpc.createGroup(CreateGroupRequest.newBuilder()
          .setGroupId(ScenarioRunner.utf8("g")).setCipherSuite(1).setEncryptHandshake(encrypt)
          .setIdentity(ScenarioRunner.utf8("alice")).build()).getStateId();
      WireFormat expected = encrypt ? WireFormat.PRIVATE_MESSAGE : WireFormat.PUBLIC_MESSAGE;
      assertThat(format(rpc.updateProposal(UpdateProposalRequest.newBuilder().setStateId(state)
          .build()).getProposal().toByteArray())).isEqualTo(expected);
      assertThat(format(rpc.commit(CommitRequest.newBuilder().setStateId(state).build())
          .getCommit().toByteArray())).isEqualTo(expected);
    }
  }

  private static WireFormat format(byte[] message) throws DecodeException {
    return MlsMessage.fromBytes(message).wireFormat();
  }
}
