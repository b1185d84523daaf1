package dev.sealmeet.bench.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a JMH result file does not say about its sitting, kept beside it as {@code
 * <result>.env.json} (for {@code mls-x.json}: {@code mls-x.env.json}). Written by {@link EnvProbe}
 * before and after a run; for results older than this convention, written by hand from what {@code
 * benchmarks/README.md} states, with {@code source} citing that line. Any field may be {@code
 * null}: tables then say "unknown".
 *
 * @param cpuModel the {@code model name} of {@code /proc/cpuinfo}
 * @param cpuFlags the crypto-relevant flags (AES-NI, PCLMULQDQ, SHA-NI, AVX2, AVX-512, VAES): those
 *     present, then those missing in parentheses
 * @param cores logical processors the JVM saw
 * @param loadStart one-minute load average before the run
 * @param loadEnd one-minute load average after the run
 * @param loadNote what the README says about the load when start and end were not recorded
 * @param date when the run started, ISO-8601 UTC (or as precise as the README gives it)
 * @param gitCommit the commit measured ({@code -dirty} if the working tree had changes)
 * @param source where these facts come from ({@code EnvProbe}, or a README line)
 */
public record RunEnv(
    String cpuModel,
    String cpuFlags,
    Integer cores,
    Double loadStart,
    Double loadEnd,
    String loadNote,
    String date,
    String gitCommit,
    String source) {

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static final RunEnv UNKNOWN =
      new RunEnv(null, null, null, null, null, null, null, null, null);

  /** The sidecar path of a result file: {@code x.json} → {@code x.env.json}. */
  public static Path sidecarOf(Path result) {
    String name = result.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return result.resolveSibling(base + ".env.json");
  }

  /**
   * Reads the sidecar of {@code result}; all fields unknown when there is none.
   *
   * @throws IOException if it exists but cannot be read
   * @throws IllegalArgumentException if it is not a sidecar object
   */
  public static RunEnv readFor(Path result) throws IOException {
    Path sidecar = sidecarOf(result);
    if (!Files.exists(sidecar)) {
      return UNKNOWN;
    }
    try {
      RunEnv env = GSON.fromJson(Files.readString(sidecar, StandardCharsets.UTF_8), RunEnv.class);
      if (env == null) {
        throw new IllegalArgumentException(sidecar + ": empty");
      }
      return env;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(sidecar + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes this as {@code file}, pretty-printed JSON.
   *
   * @throws IOException if it cannot be written
   */
  public void write(Path file) throws IOException {
    Files.writeString(file, GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
  }

  /** This with {@code loadEnd} replaced. */
  public RunEnv withLoadEnd(Double end) {
    return new RunEnv(cpuModel, cpuFlags, cores, loadStart, end, loadNote, date, gitCommit, source);
  }

  /** One Markdown sentence: CPU, load, date, commit, source; "unknown" for each missing fact. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("CPU " + or(cpuModel) + ", " + (cores == null ? "unknown" : cores) + " cores, flags "
        + or(cpuFlags));
    String load = "load average at start " + or(loadStart) + ", at end " + or(loadEnd);
    parts.add(loadNote == null ? load : load + " (" + loadNote + ")");
    parts.add("run " + or(date));
    parts.add("commit " + or(gitCommit));
    return String.join("; ", parts) + ". Source: " + (source == null
        ? "no `.env.json` sidecar" : source) + ".";
  }

  private static String or(Object value) {
    return value == null ? "unknown" : value.toString();
  }
}
