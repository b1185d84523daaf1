package dev.sealmeet.cli;

import dev.sealmeet.ds.grpc.BearerTokens;
import dev.sealmeet.ds.postgres.LocalPostgres;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealmeet load}: a load test of the delivery service over gRPC on this machine. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps it at word boundaries to the terminal's width.
    description = {
      "Load-tests the delivery service on this machine: starts one or two server nodes (sealmeet "
          + "ds) as child JVMs on loopback gRPC with bearer tokens, opens M meetings of N real "
          + "members, each member with its own gRPC client pushed to by a subscription, and has "
          + "each meeting commit updates in a loop, one commit in flight per meeting, its members "
          + "taking turns, with --pause between a merge and the next commit.",
      "It prints handshakes (commits) accepted per second; the time from a commit's submit to "
          + "the last member of its meeting having merged it (p50, p99, max); STALE_EPOCH "
          + "retries; the server's heap per meeting (after a full GC, minus an empty node's); "
          + "the CPU of the server nodes and of this client; the machine, the JDK and the exact "
          + "command.",
      "Two nodes need a PostgreSQL database that both share: --postgres for an existing one, or "
          + "--start-postgres for a throwaway one from this machine's binaries."
    })
final class LoadCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--meetings", paramLabel = "M", description = "Meetings (default ${DEFAULT-VALUE})")
  int meetings = 10;

  @Option(names = "--members", paramLabel = "N",
      description = "Members per meeting (default ${DEFAULT-VALUE})")
  int members = 5;

  @Option(names = "--commits", paramLabel = "K", description = "Commits per meeting, 0 for as "
      + "many as fit in the duration (default ${DEFAULT-VALUE})")
  int commits = 0;

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Measured time after the warm-up, at most (default ${DEFAULT-VALUE})")
  int duration = 30;

  @Option(names = "--warmup", paramLabel = "SECONDS",
      description = "Commits started in this first time are not measured (default ${DEFAULT-VALUE})")
  int warmup = 5;

  @Option(names = "--nodes", paramLabel = "1|2",
      description = "Server nodes; the members of a meeting are spread over them (default "
          + "${DEFAULT-VALUE})")
  int nodes = 1;

  @Option(names = "--store", paramLabel = "STORE",
      description = "embedded (a temporary directory), memory or postgres (default "
          + "${DEFAULT-VALUE})")
  String store = "embedded";

  @Option(names = "--postgres", paramLabel = "URL",
      description = "JDBC URL of an existing PostgreSQL database (with --store postgres)")
  String postgres;

  @Option(names = "--postgres-user", paramLabel = "NAME", description = "PostgreSQL user")
  String postgresUser;

  @Option(names = "--postgres-password-file", paramLabel = "FILE",
      description = "File whose first line is the PostgreSQL password")
  Path postgresPasswordFile;

  @Option(names = "--start-postgres", description = "Start a throwaway PostgreSQL (with fsync) "
      + "for the run, from this machine's binaries in /usr/lib/postgresql")
  boolean startPostgres;

  @Option(names = "--threads", paramLabel = "N", description = "Client threads driving the "
      + "meetings (default: 4 per core)")
  int threads = 4 * Runtime.getRuntime().availableProcessors();

  @Option(names = "--pause", paramLabel = "MS", description = "A meeting's pause after each "
      + "merged commit before its next, and a random part of it before its first (default "
      + "${DEFAULT-VALUE}: commit back to back)")
  long pause = 0;

  @Option(names = "--node-jvm", paramLabel = "OPTIONS",
      description = "JVM options of each server node, split at spaces (default ${DEFAULT-VALUE})")
  String nodeJvm = "-Xmx1g";

  @Override
  public Integer call() throws Exception {
    String problem = problem();
    if (problem != null) {
      spec.commandLine().getErr().println("sealmeet load: " + problem);
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    if (!args.isEmpty() && args.get(0).equals("load")) {
      args.remove(0); // parsed from sealmeet's own command line
    }
    LoadReport report = new LoadReport(this, String.join(" ", args));
    Path work = Files.createTempDirectory("sealmeet-load-");
    LocalPostgres database = null;
    List<LoadNode> started = new ArrayList<>();
    List<LoadMeeting> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sealmeet-load");
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sealmeet-load-timer");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, String> tokens = tokens(work);
      List<String> storeArguments;
      if (store.equals("postgres")) {
        if (startPostgres) {
          database = new LocalPostgres(LocalPostgres.machineBinaries().orElseThrow(() ->
              new IllegalStateException("no PostgreSQL binaries in /usr/lib/postgresql")),
              LocalPostgres.freePort(), true);
          database.start();
          postgres = database.createDatabase();
          postgresUser = database.user();
          postgresPasswordFile = Files.writeString(work.resolve("pg-password"),
              database.password(), StandardCharsets.UTF_8);
        }
        storeArguments = new ArrayList<>(List.of("--postgres", postgres));
        if (postgresUser != null) {
          storeArguments.addAll(List.of("--postgres-user", postgresUser));
        }
        if (postgresPasswordFile != null) {
          storeArguments.addAll(List.of("--postgres-password-file",
              postgresPasswordFile.toString()));
        }
      } else if (store.equals("memory")) {
        storeArguments = List.of("--memory");
      } else {
        storeArguments = List.of("--dir", work.resolve("store").toString());
      }
      List<String> jvm = List.of(nodeJvm.trim().split("\\s+"));
      for (int i = 0; i < nodes; i++) {
        started.add(LoadNode.start(jvm, work.resolve("tokens"), storeArguments));
      }
      report.nodesStarted(started);
      long emptyHeap = 0;
      for (LoadNode node : started) {
        emptyHeap += node.heapAfterGc();
      }

      long setupStart = System.nanoTime();
      List<Future<?>> setUps = new ArrayList<>();
      LoadRun run = new LoadRun(commits, meetings);
      for (int m = 0; m < meetings; m++) {
        List<String> accounts = accounts(m);
        List<List<String>> targets = new ArrayList<>();
        for (int i = 0; i < members; i++) {
          List<String> order = new ArrayList<>();
          for (int k = 0; k < nodes; k++) {
            order.add("127.0.0.1:" + started.get((i + k) % nodes).port());
          }
          targets.add(order);
        }
        LoadMeeting meeting = new LoadMeeting(m, accounts, tokens, targets, run, pool, timer,
            pause);
        all.add(meeting);
        setUps.add(pool.submit(() -> {
          meeting.setUp();
          return null;
        }));
      }
      for (Future<?> setUp : setUps) {
        setUp.get(10, TimeUnit.MINUTES);
      }
      report.setUp(System.nanoTime() - setupStart);
      out.println("set up " + meetings + " meetings of " + members + " members in "
          + report.seconds(System.nanoTime() - setupStart) + " s; committing ...");
      out.flush();

      Duration clientCpu0 = clientCpu();
      Duration nodeCpu0 = nodeCpu(started);
      long start = System.nanoTime();
      run.start(start, TimeUnit.SECONDS.toNanos(warmup), TimeUnit.SECONDS.toNanos(duration));
      all.forEach(LoadMeeting::start);
      boolean finished = run.finished().await(warmup + duration + 120L, TimeUnit.SECONDS);
      long wall = System.nanoTime() - start;
      Duration clientCpu = clientCpu().minus(clientCpu0);
      Duration nodeCpu = nodeCpu(started).minus(nodeCpu0);
      long heap = 0;
      for (LoadNode node : started) {
        heap += node.heapAfterGc();
      }
      List<String> problems = new ArrayList<>();
      if (!finished) {
        problems.add("some meetings did not finish in time (a commit never merged)");
      }
      long retries = 0;
      int made = 0;
      for (LoadMeeting meeting : all) {
        String p = meeting.check();
        if (p != null && problems.size() < 5) {
          problems.add(p);
        }
        retries += meeting.retries();
        made += meeting.made();
      }
      report.measured(run, made, retries, heap, emptyHeap, wall, clientCpu, nodeCpu, problems);
      report.print(out);
      out.flush();
      return problems.isEmpty() && run.failures.get() == 0 ? 0 : 1;
    } finally {
      for (LoadMeeting meeting : all) {
        meeting.close();
      }
      pool.shutdownNow();
      timer.shutdownNow();
      for (LoadNode node : started) {
        node.close();
      }
      if (database != null) {
        database.destroy();
      }
      LocalPostgres.deleteTree(work);
    }
  }

  /** The accounts of meeting {@code m}: its host first. */
  private List<String> accounts(int m) {
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      accounts.add("m" + m + "-u" + i);
    }
    return accounts;
  }

  /** A random token per account, and the server's file of their hashes. */
  private Map<String, String> tokens(Path work) throws java.io.IOException {
    SecureRandom random = new SecureRandom();
    Map<String, String> tokens = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (int m = 0; m < meetings; m++) {
      for (String account : accounts(m)) {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        tokens.put(account, token);
        lines.add(BearerTokens.line(account, token));
      }
    }
    Files.write(work.resolve("tokens"), lines, StandardCharsets.UTF_8);
    return tokens;
  }

  private static Duration clientCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static Duration nodeCpu(List<LoadNode> nodes) {
    Duration sum = Duration.ZERO;
    for (LoadNode node : nodes) {
      sum = sum.plus(node.cpu());
    }
    return sum;
  }

  private String problem() {
    if (meetings < 1 || members < 1 || commits < 0 || duration < 1 || warmup < 0
        || threads < 1 || pause < 0) {
      return "--meetings, --members, --duration and --threads must be positive, --commits, "
          + "--warmup and --pause not negative";
    }
    if (nodes != 1 && nodes != 2) {
      return "--nodes is 1 or 2";
    }
    if (!List.of("embedded", "memory", "postgres").contains(store)) {
      return "--store is embedded, memory or postgres";
    }
    if (nodes == 2 && !store.equals("postgres")) {
      return "two nodes share a PostgreSQL database: give --store postgres";
    }
    if (store.equals("postgres") && (postgres == null) == !startPostgres) {
      return "--store postgres needs either --postgres URL or --start-postgres";
    }
    if (!store.equals("postgres") && (postgres != null || startPostgres
        || postgresUser != null || postgresPasswordFile != null)) {
      return "--postgres, --start-postgres and their options go with --store postgres";
    }
    return null;
  }
}
