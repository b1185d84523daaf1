package dev.sealmeet.mls.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code spec/vectors/mls/messages.json} (flat objects of hex strings) without a JSON library:
 * each case is a map from field name to bytes.
 */
final class MessagesVectors {
  static final Path FILE = Path.of("..", "spec", "vectors", "mls", "messages.json");
  private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([0-9a-fA-F]*)\"");
  private static List<Map<String, byte[]>> cached;

  private MessagesVectors() {}

  static synchronized List<Map<String, byte[]>> cases() {
    if (cached == null) {
      String text;
      try {
        text = Files.readString(FILE, StandardCharsets.UTF_8);
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
