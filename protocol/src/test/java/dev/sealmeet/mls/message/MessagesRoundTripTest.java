package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void keyPackageBody_vectors_reencodeExactly() throws DecodeException {
    List<Map<String, byte[]>> cases = MessagesVectors.cases();
    for (int i = 0; i < cases.size(); i++) {
      byte[] message = cases.get(i).get("mls_key_package");
      byte[] body = Arrays.copyOfRange(message, 4, message.length);
      KeyPackage kp = TlsReader.decodeExactly(body, KeyPackage::decode);
      assertThat(kp.toBytes()).as("case %d", i).isEqualTo(body);
    }
  }

  @Test
  void addAndUpdateAndTree_vectors_reencodeExactly() throws DecodeException {
    roundTrips("add_proposal", KeyPackage::decode);
    roundTrips("update_proposal", LeafNode::decode);
    roundTrips("ratchet_tree", RatchetTreeExtension::decode);
  }

  @Test
  void proposalsAndCommit_vectors_reencodeExactly() throws DecodeException {
    roundTrips("remove_proposal", RemoveProposal::decode);
    roundTrips("pre_shared_key_proposal", PreSharedKeyProposal::decode);
    roundTrips("re_init_proposal", ReInitProposal::decode);
    roundTrips("external_init_proposal", ExternalInitProposal::decode);
    roundTrips("group_context_extensions_proposal", GroupContextExtensionsProposal::decode);
    roundTrips("commit", Commit::decode);
  }

  @Test
  void messageBodies_vectors_reencodeExactly() throws DecodeException {
    List<Map<String, byte[]>> cases = MessagesVectors.cases();
    for (int i = 0; i < cases.size(); i++) {
      for (String f : List.of("public_message_application", "public_message_proposal",
          "public_message_commit", "private_message")) {
        byte[] message = cases.get(i).get(f);
        byte[] body = Arrays.copyOfRange(message, 4, message.length);
        MlsStruct value = f.startsWith("public")
            ? TlsReader.decodeExactly(body, PublicMessage::decode)
            : TlsReader.decodeExactly(body, PrivateMessage::decode);
        assertThat(value.toBytes()).as("case %d / %s", i, f).isEqualTo(body);
      }
    }
  }
}
