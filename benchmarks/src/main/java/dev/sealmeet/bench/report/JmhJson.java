package dev.sealmeet.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON JMH writes with {@code -rf json}: an array of benchmark objects, each with {@code
 * benchmark}, {@code params}, {@code primaryMetric.score}, {@code scoreError}, {@code scoreUnit}
 * and the JVM it ran on. Secondary metrics ({@code -prof gc}) are not read.
 */
public final class JmhJson {
  private JmhJson() {}

  /**
   * Reads one JMH result file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a JMH JSON result array
   */
  public static JmhRun read(Path file) throws IOException {
    return parse(file.getFileName().toString(),
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /**
   * Parses JMH JSON text.
   *
   * @param name the run's name in tables
   * @throws IllegalArgumentException if {@code json} is not a JMH JSON result array
   */
  public static JmhRun parse(String name, String json) {
    JsonArray array;
    try {
      JsonElement root = JsonParser.parseString(json);
      if (!root.isJsonArray()) {
        throw new IllegalArgumentException(name + ": not a JMH result array");
      }
      array = root.getAsJsonArray();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(name + ": not JSON (" + e.getMessage() + ")", e);
    }
    List<JmhResult> results = new ArrayList<>();
    Set<String> jvms = new LinkedHashSet<>();
    Set<String> args = new LinkedHashSet<>();
    Set<String> settings = new LinkedHashSet<>();
    for (JsonElement element : array) {
      try {
        JsonObject b = element.getAsJsonObject();
        results.add(result(b));
        jvms.add(text(b, "jdkVersion") + " (" + text(b, "vmName") + " " + text(b, "vmVersion")
            + ")");
        args.add(jvmArgs(b));
        settings.add("JMH " + text(b, "jmhVersion") + ", " + text(b, "mode") + ", "
            + text(b, "forks") + ("1".equals(text(b, "forks")) ? " fork" : " forks")
            + ", warm-up " + text(b, "warmupIterations") + " × " + text(b, "warmupTime")
            + ", measurement " + text(b, "measurementIterations") + " × "
            + text(b, "measurementTime"));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name + ": not a JMH benchmark object: " + e.getMessage(), e);
      }
    }
    return new JmhRun(name, String.join(" / ", jvms), String.join(" / ", args),
        String.join(" / ", settings), results);
  }

  private static JmhResult result(JsonObject b) {
    Map<String, String> params = new LinkedHashMap<>();
    if (b.has("params")) {
      for (Map.Entry<String, JsonElement> e : b.getAsJsonObject("params").entrySet()) {
        params.put(e.getKey(), e.getValue().getAsString());
      }
    }
    JsonObject metric = b.getAsJsonObject("primaryMetric");
    JsonElement error = metric.get("scoreError");
    double err = error == null || !error.isJsonPrimitive() || !error.getAsJsonPrimitive().isNumber()
        ? Double.NaN : error.getAsDouble();
    return new JmhResult(b.get("benchmark").getAsString(), params,
        metric.get("score").getAsDouble(), err, metric.get("scoreUnit").getAsString());
  }

  private static String jvmArgs(JsonObject b) {
    List<String> out = new ArrayList<>();
    if (b.has("jvmArgs")) {
      for (JsonElement a : b.getAsJsonArray("jvmArgs")) {
        out.add(a.getAsString());
      }
    }
    return String.join(" ", out);
  }

  private static String text(JsonObject b, String field) {
    JsonElement e = b.get(field);
    return e == null || e.isJsonNull() ? "?" : e.getAsString();
  }
}
