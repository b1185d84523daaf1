package dev.sealmeet.bench.report;

import java.util.List;

/**
 * One generated block of {@code benchmarks/README.md}: the result files it shows (paths relative
 * to {@code benchmarks/results/}) and the parameter its plots put on the x axis. The block lies
 * between {@code <!-- report:NAME-begin -->} and {@code <!-- report:NAME-end -->}.
 *
 * @param name the marker name, e.g. {@code mls-c}
 * @param xParam the JMH parameter plotted on the (logarithmic) x axis, e.g. {@code members}; {@code
 *     null} for tables without plots
 * @param xTitle the x axis title ({@code null} without plots)
 * @param files result files, in the order shown
 * @param peerRatios whether the block ends with the {@link PeerRatios} table of all its files
 * @param baseline the method each file's cells are divided by in a {@link BaselineRatios} table
 *     after the file's scores, or {@code null} for none
 */
public record Section(String name, String xParam, String xTitle, List<String> files,
    boolean peerRatios, String baseline) {

  /** Copies {@code files}. */
  public Section {
    files = List.copyOf(files);
  }

  /** A section without the peers' ratio table. */
  public Section(String name, String xParam, String xTitle, List<String> files) {
    this(name, xParam, xTitle, files, false, null);
  }

  /** A section without a baseline. */
  public Section(String name, String xParam, String xTitle, List<String> files,
      boolean peerRatios) {
    this(name, xParam, xTitle, files, peerRatios, null);
  }

  /** The blocks {@code Report readme} generates (each once in the README, in any order). */
  public static List<Section> all() {
    String members = "group size N (members)";
    String size = "frame size (bytes of plaintext)";
    return List.of(
        new Section("sframe-sitting", "size", size, List.of(
            "sframe-2026-11-30-quiet/jdk17.json", "sframe-2026-11-30-quiet/jdk25.json")),
        new Section("sframe-sitting-avx2", "size", size, List.of(
            "sframe-2026-11-30-quiet/jdk17-avx2.json", "sframe-2026-11-30-quiet/jdk25-avx2.json")),
        new Section("sframe-precise", null, null, List.of(
            "sframe-2026-11-30-quiet/jdk17-precise.json",
            "sframe-2026-11-30-quiet/jdk25-precise.json",
            "sframe-2026-11-30-quiet/jdk17-avx2-precise.json",
            "sframe-2026-11-30-quiet/jdk25-avx2-precise.json")),
        new Section("mls-c", "members", members, List.of(
            "mls-jdk17-2026-11-30-c-commit.json", "mls-jdk17-2026-11-30-c-join.json")),
        new Section("mls-ab", "members", members, List.of(
            "mls-jdk17-2026-11-30-a.json", "mls-jdk17-2026-11-30-b.json")),
        new Section("pq", "members", members, List.of("pq-jdk17-2026-12-07-full.json")),
        new Section("peers-steady", "members", members, List.of(
            "mls-lived-2026-12-07-steady-commit.json",
            "mls-lived-2026-12-07-steady-commit-large.json",
            "mls-lived-2026-12-07-steady-join.json",
            "mls-lived-2026-12-07-steady-join-large.json",
            "mls-lived-2026-12-07-steady-ops.json",
            "mls-lived-2026-12-07-steady-ops-large.json",
            "peers-tsmls-realistic-2026-12-07-steady.json"), true),
        new Section("peers-pretouch", "members", members, List.of(
            "mls-lived-2026-12-07-pretouch-commit.json",
            "mls-lived-2026-12-07-pretouch-join.json",
            "mls-lived-2026-12-07-pretouch-ops.json"), true),
        new Section("peers-jdksign", "members", members, List.of(
            "mls-lived-2026-12-07-jdksign-commit.json",
            "mls-lived-2026-12-07-jdksign-add10000.json"), true),
        new Section("peers", "members", members, List.of(
            "mls-lived-2026-12-07-commit.json", "mls-lived-2026-12-07-join.json",
            "mls-lived-2026-12-07-ops.json", "peers-tsmls-realistic-2026-12-07.json"), true),
        new Section("peers-check", "members", members,
            List.of("mls-lived-2026-12-07-commit-check.json")),
        new Section("media-buffers", "size", size, List.of(
            "media-buffers-2026-12-07.json", "media-buffers-2026-12-07-precise.json",
            "media-buffers-2026-12-07-direct16k.json", "media-buffers-2026-12-07-direct1200.json"),
            false,
            "rawSframe"),
        new Section("codec-aware", "size", size, List.of("codec-aware-2026-12-07-six.json"), false,
            "plain"),
        new Section("sframe-earlier", "size", size, List.of(
            "sframe-jdk17.json", "sframe-jdk25.json")));
  }
}
