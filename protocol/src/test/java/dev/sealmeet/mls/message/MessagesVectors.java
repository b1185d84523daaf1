package dev.sealmeet.mls.message;

import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.sealmeet.codec.TlsReader;

/**
 * Reads the official {@code mls/messages.json} (flat objects of hex strings) without a JSON library:
 * each case is a map from field name to bytes.
 */
final class MessagesVectors {
  private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([0-9a-fA-F]*)\"");
  private static List<Map<String, byte[]>> cached;

  /** Each field of a case and the structure it holds, in file order. */
  static final Map<String, TlsReader.ElementReader<? extends MlsStruct>> DECODERS = decoders();

  /** The field names of {@link #DECODERS}, indexable. */
  static final List<String> FIELDS = List.copyOf(DECODERS.keySet());

  private MessagesVectors() {}

  private static Map<String, TlsReader.ElementReader<? extends MlsStruct>> decoders() {
    Map<String, TlsReader.ElementReader<? extends MlsStruct>> m = new LinkedHashMap<>();
    m.put("mls_welcome", MlsMessage::decode);
    m.put("mls_group_info", MlsMessage::decode);
    m.put("mls_key_package", MlsMessage::decode);
    m.put("ratchet_tree", RatchetTreeExtension::decode);
    m.put("group_secrets", GroupSecrets::decode);
    m.put("add_proposal", AddProposal::decode);
    m.put("update_proposal", UpdateProposal::decode);
    m.put("remove_proposal", RemoveProposal::decode);
    m.put("pre_shared_key_proposal", PreSharedKeyProposal::decode);
    m.put("re_init_proposal", ReInitProposal::decode);
    m.put("external_init_proposal", ExternalInitProposal::decode);
    m.put("group_context_extensions_proposal", GroupContextExtensionsProposal::decode);
    m.put("commit", Commit::decode);
    m.put("public_message_application", MlsMessage::decode);
    m.put("public_message_proposal", MlsMessage::decode);
    m.put("public_message_commit", MlsMessage::decode);
    m.put("private_message", MlsMessage::decode);
    return java.util.Collections.unmodifiableMap(m);
  }

  static synchronized List<Map<String, byte[]>> cases() {
    if (cached == null) {
      String text;
      try {
        text = Files.readString(
            VectorRoot.official().resolve("mls/messages.json"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Map<String, byte[]>> out = new ArrayList<>();
      Matcher object = OBJECT.matcher(text);
      while (object.find()) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(object.group(1));
        while (field.find()) {
          fields.put(field.group(1), HexFormat.of().parseHex(field.group(2)));
        }
        out.add(fields);
      }
      cached = List.copyOf(out);
    }
    return cached;
  }
}
