package dev.sealmeet.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records the sitting of a benchmark run in a {@link RunEnv} sidecar: run {@code Report env FILE}
 * before the benchmark (CPU, cores, load average, date, commit) and again after it (the load
 * average at the end is added). Reads {@code /proc/cpuinfo} and {@code /proc/loadavg} where they
 * exist and asks git for the commit (suffixed {@code -dirty} when the tree has changes); what it
 * cannot read stays {@code null}.
 */
public final class EnvProbe {
  private static final List<String> FLAGS =
      List.of("aes", "pclmulqdq", "sha_ni", "avx2", "avx512f", "vaes", "vpclmulqdq");

  private EnvProbe() {}

  /**
   * Writes or completes the sidecar of {@code result}: when none exists, a new one with the load
   * average at start; when one exists, the same with the load average at end.
   *
   * @return the sidecar written
   * @throws IOException if it cannot be read or written
   */
  public static Path record(Path result) throws IOException {
    Path sidecar = RunEnv.sidecarOf(result);
    RunEnv env = Files.exists(sidecar) ? RunEnv.readFor(result).withLoadEnd(loadAverage())
        : probe();
    env.write(sidecar);
    return sidecar;
  }

  /** The sitting as it is now, with the load average as {@code loadStart}. */
  public static RunEnv probe() {
    String model = null;
    String flags = null;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name") && model == null) {
          model = line.substring(line.indexOf(':') + 1).trim();
        } else if (line.startsWith("flags") && flags == null) {
          Set<String> all = Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
          List<String> have = new ArrayList<>();
          List<String> lack = new ArrayList<>();
          for (String f : FLAGS) {
            (all.contains(f) ? have : lack).add(f);
          }
          flags = String.join(" ", have)
              + (lack.isEmpty() ? "" : " (no " + String.join(" ", lack) + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc/cpuinfo: CPU unknown
    }
    return new RunEnv(model, flags, Runtime.getRuntime().availableProcessors(), loadAverage(), null,
        null, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), gitCommit(), "EnvProbe");
  }

  private static Double loadAverage() {
    try {
      return Double.valueOf(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String gitCommit() {
    try {
      Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=40")
          .redirectErrorStream(true).start();
      String out;
      try (InputStream in = git.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      boolean ok = git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty();
      return ok ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
