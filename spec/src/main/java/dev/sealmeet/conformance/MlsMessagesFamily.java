package dev.sealmeet.conformance;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.GroupSecrets;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.MlsStruct;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.RatchetTreeExtension;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.message.WireFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MLS {@code messages.json}: every one of the 17 fields must decode with its structure (exactly, no
 * trailing bytes) and re-encode to the same bytes. MLSMessage fields must also carry the wire format
 * (and, for public messages, the content type) their name says. A case fails listing every field
 * that did not.
 */
final class MlsMessagesFamily implements VectorFamily {

  /** How one field is checked: its decoder and, for MLSMessages, the expected selects. */
  private record Field(
      String key, TlsReader.ElementReader<? extends MlsStruct> decoder, WireFormat wireFormat,
      ContentType contentType) {}

  private static final List<Field> FIELDS = List.of(
      message("mls_welcome", WireFormat.WELCOME, null),
      message("mls_group_info", WireFormat.GROUP_INFO, null),
      message("mls_key_package", WireFormat.KEY_PACKAGE, null),
      struct("ratchet_tree", RatchetTreeExtension::decode),
      struct("group_secrets", GroupSecrets::decode),
      struct("add_proposal", AddProposal::decode),
      struct("update_proposal", UpdateProposal::decode),
      struct("remove_proposal", RemoveProposal::decode),
      struct("pre_shared_key_proposal", PreSharedKeyProposal::decode),
      struct("re_init_proposal", ReInitProposal::decode),
      struct("external_init_proposal", ExternalInitProposal::decode),
      struct("group_context_extensions_proposal", GroupContextExtensionsProposal::decode),
      struct("commit", Commit::decode),
      message("public_message_application", WireFormat.PUBLIC_MESSAGE, ContentType.APPLICATION),
      message("public_message_proposal", WireFormat.PUBLIC_MESSAGE, ContentType.PROPOSAL),
      message("public_message_commit", WireFormat.PUBLIC_MESSAGE, ContentType.COMMIT),
      message("private_message", WireFormat.PRIVATE_MESSAGE, null));

  private static Field struct(String key, TlsReader.ElementReader<? extends MlsStruct> decoder) {
    return new Field(key, decoder, null, null);
  }

  private static Field message(String key, WireFormat format, ContentType type) {
    return new Field(key, MlsMessage::decode, format, type);
  }

  @Override
  public String name() {
    return "mls/messages";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("messages.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      String name = suiteLabel(c) + "case " + i;
      try {
        List<String> problems = new ArrayList<>();
        for (Field field : FIELDS) {
          check(c, field, problems);
        }
        results.add(problems.isEmpty()
            ? CaseResult.passed(name)
            : CaseResult.failed(name, String.join("; ", problems)));
      } catch (RuntimeException e) {
        results.add(CaseResult.failed(name, e));
      }
    }
    return results;
  }

  private static void check(JsonNode c, Field field, List<String> problems) {
    byte[] bytes = c.hex(field.key());
    try {
      MlsStruct value = TlsReader.decodeExactly(bytes, field.decoder());
      if (!Arrays.equals(value.toBytes(), bytes)) {
        problems.add(field.key() + ": re-encoding differs from the vector");
      }
      if (field.wireFormat() != null) {
        MlsMessage message = (MlsMessage) value;
        if (message.wireFormat() != field.wireFormat()) {
          problems.add(field.key() + ": wire format " + message.wireFormat() + ", expected "
              + field.wireFormat());
        } else if (field.contentType() != null) {
          ContentType type = ((PublicMessage) message.body()).content().contentType();
          if (type != field.contentType()) {
            problems.add(field.key() + ": content type " + type + ", expected " + field.contentType());
          }
        }
      }
    } catch (DecodeException | RuntimeException e) {
      problems.add(field.key() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** "suite N / " from the case's key package, or "" if it does not decode (the file has no suite). */
  private static String suiteLabel(JsonNode c) {
    try {
      MlsMessage kp = MlsMessage.fromBytes(c.hex("mls_key_package"));
      if (kp.body() instanceof KeyPackage) {
        return "suite " + ((KeyPackage) kp.body()).cipherSuite() + " / ";
      }
    } catch (DecodeException | RuntimeException e) {
      return "";
    }
    return "";
  }
}
