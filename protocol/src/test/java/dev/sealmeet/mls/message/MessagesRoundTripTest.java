package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every structure of {@code messages.json} decodes and re-encodes to the same bytes (the conformance
 * family checks the same through the runner; this keeps the protocol module's own tests honest).
 */
class MessagesRoundTripTest {

  private static void roundTrips(String field, TlsReader.ElementReader<? extends MlsStruct> decoder)
      throws DecodeException {
    List<Map<String, byte[]>> cases = MessagesVectors.cases();
    assertThat(cases).hasSize(300);
    for (int i = 0; i < cases.size(); i++) {
      byte[] bytes = cases.get(i).get(field);
      assertThat(bytes).as("case %d has %s", i, field).isNotNull();
      MlsStruct value = TlsReader.decodeExactly(bytes, decoder);
      assertThat(value.toBytes()).as("case %d / %s", i, field).isEqualTo(bytes);
    }
  }

  @Test
  void treeAndSecrets_vectors_reencodeExactly() throws DecodeException {
    roundTrips("ratchet_tree", RatchetTreeExtension::decode);
    roundTrips("group_secrets", GroupSecrets::decode);
  }

  @Test
  void proposalsAndCommit_vectors_reencodeExactly() throws DecodeException {
    roundTrips("add_proposal", AddProposal::decode);
    roundTrips("update_proposal", UpdateProposal::decode);
    roundTrips("remove_proposal", RemoveProposal::decode);
    roundTrips("pre_shared_key_proposal", PreSharedKeyProposal::decode);
    roundTrips("re_init_proposal", ReInitProposal::decode);
    roundTrips("external_init_proposal", ExternalInitProposal::decode);
    roundTrips("group_context_extensions_proposal", GroupContextExtensionsProposal::decode);
    roundTrips("commit", Commit::decode);
  }

  @Test
  void mlsMessages_vectors_reencodeExactlyWithExpectedWireFormat() throws DecodeException {
    Map<String, WireFormat> formats = Map.of(
        "mls_welcome", WireFormat.WELCOME,
        "mls_group_info", WireFormat.GROUP_INFO,
        "mls_key_package", WireFormat.KEY_PACKAGE,
        "public_message_application", WireFormat.PUBLIC_MESSAGE,
        "public_message_proposal", WireFormat.PUBLIC_MESSAGE,
        "public_message_commit", WireFormat.PUBLIC_MESSAGE,
        "private_message", WireFormat.PRIVATE_MESSAGE);
    for (Map.Entry<String, WireFormat> e : formats.entrySet()) {
      roundTrips(e.getKey(), MlsMessage::decode);
      for (Map<String, byte[]> c : MessagesVectors.cases()) {
        assertThat(MlsMessage.fromBytes(c.get(e.getKey())).wireFormat()).isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void publicMessages_vectors_haveTheContentTypeTheirNameSays() throws DecodeException {
    Map<String, ContentType> types = Map.of(
        "public_message_application", ContentType.APPLICATION,
        "public_message_proposal", ContentType.PROPOSAL,
        "public_message_commit", ContentType.COMMIT);
    for (Map<String, byte[]> c : MessagesVectors.cases()) {
      for (Map.Entry<String, ContentType> e : types.entrySet()) {
        PublicMessage pm = (PublicMessage) MlsMessage.fromBytes(c.get(e.getKey())).body();
        assertThat(pm.content().contentType()).isEqualTo(e.getValue());
      }
    }
  }
}
