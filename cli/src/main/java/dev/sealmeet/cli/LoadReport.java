package dev.sealmeet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code sealmeet load} prints: the machine, the JDK and flags, the exact command, and one
 * table row of figures (also as a Markdown row for {@code benchmarks/README.md}).
 */
final class LoadReport {
  private final LoadCommand command;
  private final String arguments;
  private final String loadBefore = loadAverage();
  private String nodePids = "";
  private long setupNanos;
  private LoadRun run;
  private int made;
  private long retries;
  private long heap;
  private long emptyHeap;
  private long wall;
  private Duration clientCpu;
  private Duration nodeCpu;
  private List<String> problems;
  private String loadAfter;

  LoadReport(LoadCommand command, String arguments) {
    this.command = command;
    this.arguments = arguments;
  }

  void nodesStarted(List<LoadNode> nodes) {
    nodePids = nodes.stream().map(n -> Long.toString(n.pid())).collect(Collectors.joining(", "));
  }

  void setUp(long nanos) {
    setupNanos = nanos;
  }

  void measured(LoadRun run, int made, long retries, long heap, long emptyHeap, long wall,
      Duration clientCpu, Duration nodeCpu, List<String> problems) {
    this.run = run;
    this.made = made;
    this.retries = retries;
    this.heap = heap;
    this.emptyHeap = emptyHeap;
    this.wall = wall;
    this.clientCpu = clientCpu;
    this.nodeCpu = nodeCpu;
    this.problems = problems;
    this.loadAfter = loadAverage();
  }

  void print(PrintWriter out) {
    int cores = Runtime.getRuntime().availableProcessors();
    double window = run.windowNanos() / 1e9;
    long measured = run.measured.get();
    double rate = measured / window;
    double clientShare = clientCpu.toNanos() / (double) wall / cores;
    double nodeShare = nodeCpu.toNanos() / (double) wall / cores;
    double perMeeting = (heap - emptyHeap) / 1024.0 / command.meetings;
    out.println("sealmeet load: " + command.meetings + " meetings x " + command.members
        + " members, " + command.nodes + " node(s), store " + command.store + ", pause "
        + command.pause + " ms between a meeting's commits");
    out.println("machine: " + cpuModel() + ", " + cores + " cores; load average "
        + loadBefore + " (before) / " + loadAfter + " (after)");
    out.println("JDK: " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + "; client flags: "
        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + "; node flags: " + command.nodeJvm);
    out.println("command: sealmeet load " + arguments);
    out.println("server nodes: child JVMs (pid " + nodePids + ") on loopback gRPC with bearer "
        + "tokens, so that their heap and CPU are measured apart from this client's; "
        + command.threads + " client threads");
    out.println("set up: " + command.meetings + " meetings opened, " + (command.members - 1)
        + " guests admitted in each, in " + seconds(setupNanos) + " s");
    out.println();
    out.println(String.format(Locale.ROOT, "%-9s %-7s %-5s %-8s %-8s %-12s %-8s %-8s %-8s "
        + "%-7s %-10s %-8s %-8s", "meetings", "members", "nodes", "store", "commits",
        "handshakes/s", "p50 ms", "p99 ms", "max ms", "retries", "KiB/meet.", "srv CPU",
        "cli CPU"));
    out.println(String.format(Locale.ROOT, "%-9d %-7d %-5d %-8s %-8d %-12.1f %-8s %-8s %-8s "
        + "%-7d %-10.1f %-8s %-8s", command.meetings, command.members, command.nodes,
        command.store, measured, rate, ms(run.latencies.quantile(0.5)),
        ms(run.latencies.quantile(0.99)), ms(run.latencies.max()), retries, perMeeting,
        percent(nodeShare), percent(clientShare)));
    out.println();
    out.println(String.format(Locale.ROOT, "markdown: | %d × %d | %d | %s | %d | %d | %.1f | %s "
        + "| %s | %s | %d | %.1f | %s | %s | %s |", command.meetings, command.members,
        command.nodes, command.store, command.pause, measured, rate, ms(run.latencies.quantile(0.5)),
        ms(run.latencies.quantile(0.99)), ms(run.latencies.max()), retries, perMeeting,
        percent(nodeShare), percent(clientShare), loadBefore.split(" ")[0] + " / "
            + loadAfter.split(" ")[0]));
    out.println();
    out.println("commits: " + made + " made (" + measured + " measured after the warm-up, over "
        + seconds(run.windowNanos()) + " s); server heap after GC: " + kib(heap)
        + " KiB with the meetings, " + kib(emptyHeap) + " KiB empty");
    boolean merged = problems.isEmpty() && run.failures.get() == 0
        && run.committed.get() == made;
    out.println("merged by every member: " + (merged ? "yes" : "NO") + " (" + run.committed.get()
        + " of " + made + " commits, " + run.failures.get() + " failures)");
    if (run.firstFailure.get() != null) {
      out.println("first failure: " + run.firstFailure.get());
    }
    for (String problem : problems) {
      out.println("problem: " + problem);
    }
    out.println("caveat: this client (" + command.meetings * command.members + " members, each "
        + "verifying and merging every commit) used " + percent(clientShare) + " of the "
        + "machine's CPU and the server nodes " + percent(nodeShare)
        + (clientShare + nodeShare > 0.8
            ? ": the cores are saturated, so the figures are a lower bound of what the server "
                + "alone would do"
            : "") + "; the nodes' share includes their JIT compilers (large in a short run); "
        + "other processes on the machine show in the load average");
  }

  String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static long kib(long bytes) {
    return bytes / 1024;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // below
    }
    return System.getProperty("os.arch");
  }
}
