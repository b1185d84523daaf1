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
}
