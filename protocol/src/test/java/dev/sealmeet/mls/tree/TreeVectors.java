package dev.sealmeet.mls.tree;

import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cases of the official {@code mls/tree-validation.json} (objects without nested
 * objects) with regular expressions, so the protocol tests need no JSON library.
 */
final class TreeVectors {
  private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");

  /** One tree-validation case: suite, serialized tree, group id and the per-node tree hashes. */
  record Case(int suite, byte[] tree, byte[] groupId, List<byte[]> treeHashes) {}

  private TreeVectors() {}

  static Case validationCase(int index) {
    String text;
    try {
      text = Files.readString(
          VectorRoot.official().resolve("mls/tree-validation.json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher object = OBJECT.matcher(text);
    for (int i = 0; i <= index; i++) {
      if (!object.find()) {
        throw new IllegalArgumentException("no case " + index);
      }
    }
    String body = object.group(1);
    List<byte[]> hashes = new ArrayList<>();
    Matcher list = Pattern.compile("\"tree_hashes\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(body);
    if (!list.find()) {
      throw new IllegalArgumentException("case " + index + " has no tree_hashes");
    }
    Matcher hex = Pattern.compile("\"([0-9a-fA-F]*)\"").matcher(list.group(1));
    while (hex.find()) {
      hashes.add(HexFormat.of().parseHex(hex.group(1)));
    }
    return new Case(Integer.parseInt(field(body, "cipher_suite", "(\\d+)")),
        HexFormat.of().parseHex(field(body, "tree", "\"([0-9a-fA-F]*)\"")),
        HexFormat.of().parseHex(field(body, "group_id", "\"([0-9a-fA-F]*)\"")), hashes);
  }

  private static String field(String body, String name, String value) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*" + value).matcher(body);
    if (!m.find()) {
      throw new IllegalArgumentException("missing " + name);
    }
    return m.group(1);
  }
}
