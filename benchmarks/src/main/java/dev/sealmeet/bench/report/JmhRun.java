package dev.sealmeet.bench.report;

import java.util.List;

/**
 * The cells of one JMH result file and the JVM they ran on, as JMH wrote them.
 *
 * @param name the file's name (or a label for a run made in this JVM)
 * @param jvm JDK version, VM name and VM version, e.g. {@code 17.0.15 (OpenJDK 64-Bit Server VM
 *     17.0.15+6-Debian-1deb12u1)}; distinct values joined by {@code " / "}
 * @param jvmArgs the forked JVM's arguments, space-separated ({@code ""} when none)
 * @param settings JMH version, forks, warm-up and measurement iterations; distinct values joined
 * @param results the cells in file order
 */
public record JmhRun(
    String name, String jvm, String jvmArgs, String settings, List<JmhResult> results) {

  /** Copies {@code results}. */
  public JmhRun {
    results = List.copyOf(results);
  }
}
