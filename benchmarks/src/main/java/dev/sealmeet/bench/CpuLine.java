package dev.sealmeet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line naming the processor, its core count and the flags that matter for our crypto (AES-NI,
 * carry-less multiply, SHA-NI, AVX2, AVX-512, VAES), read from {@code /proc/cpuinfo} where there is
 * one, so a printed table says what it was measured on.
 */
public final class CpuLine {
  private static final List<String> FLAGS =
      List.of("aes", "pclmulqdq", "sha_ni", "avx2", "avx512f", "vaes", "vpclmulqdq");

  private CpuLine() {}

  /** For example {@code CPU: AMD EPYC, 2 cores; aes pclmulqdq sha_ni avx2 (no avx512f vaes)}. */
  public static String describe() {
    String model = System.getProperty("os.arch");
    Set<String> present = Set.of();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
        } else if (line.startsWith("flags") && present.isEmpty()) {
          present = Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
        }
      }
    } catch (IOException | RuntimeException e) {
      return "CPU: " + model + ", " + Runtime.getRuntime().availableProcessors()
          + " cores; flags unknown (no /proc/cpuinfo)";
    }
    List<String> have = new ArrayList<>();
    List<String> lack = new ArrayList<>();
    for (String flag : FLAGS) {
      (present.contains(flag) ? have : lack).add(flag);
    }
    return "CPU: " + model + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
        + String.join(" ", have) + (lack.isEmpty() ? "" : " (no " + String.join(" ", lack) + ")")
        + "; Java " + System.getProperty("java.version");
  }
}
