package dev.sealmeet.cli;

import dev.sealmeet.ds.grpc.BearerTokens;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sealmeet demo --network}: the demo's script and proofs ({@link MeetingDemo}) with the
 * delivery service server ({@code sealmeet ds}, embedded store in a temporary directory, bearer
 * tokens made for this run, loopback, a free port) and each participant ({@link PartyProcess}) in
 * a JVM of its own, on this JVM's class path. This process plays the SFU: participants hand it
 * their SFrame frames over their loopback sockets and it forwards them with {@link MediaRelay}'s
 * seeded delays, recording every frame. After the meeting, the server is stopped and every byte of
 * its store is searched for every key each party held ({@link StoreKeys}): the ninth proof.
 */
final class NetworkDemo implements AutoCloseable {
  /** Starts a participant process again (after a restart), connects it, tells it the keys. */
  interface Launcher {
    Connection relaunch(String account);

    /** Tells {@code party} every other party's signature key (its verifier's directory). */
    void introduce(RemoteParty party);
  }

  /** A participant process, its socket to this one, and the signature key it reported. */
  record Connection(String account, Process process, Socket socket, DataInputStream in,
      DataOutputStream out, byte[] publicKey, Path logFile) {
    /** The end of its log (stderr and stdout), for a failure message. */
    String log() {
      try {
        String all = Files.readString(logFile);
        return all.length() <= 2000 ? all : "..." + all.substring(all.length() - 2000);
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }

    /** The process dies at once: nothing is closed or flushed (a crash). */
    void kill() {
      process.destroyForcibly();
      waitFor();
    }

    void stop() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing
      }
      waitFor();
      process.destroyForcibly();
    }

    private void waitFor() {
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final Pattern LISTENING = Pattern.compile("listening on [0-9.]+:(\\d+) ");

  private final int participants;
  private final double seconds;
  private final int suiteId;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, RemoteParty> parties = new LinkedHashMap<>();
  private final Map<String, Process> started = new java.util.concurrent.ConcurrentHashMap<>();
  private final StringBuffer serverLog = new StringBuffer();
  private final Launcher launcher = new Launcher() {
    @Override
    public Connection relaunch(String account) {
      return NetworkDemo.this.relaunch(account);
    }

    @Override
    public void introduce(RemoteParty party) {
      NetworkDemo.this.introduce(party);
    }
  };
  /** Stops the child processes if this JVM exits first (Ctrl-C on the driver alone). */
  private final Thread reaper = new Thread(this::destroyAll, "sealmeet-demo-reaper");
  private Path runDir;
  private Process server;
  private String target;
  private ServerSocket listener;
  /** If set before {@link #run}, the server's store is copied there after the meeting. */
  Path keepStore;
  /** Every key the scan looked for, once {@link #run} returned. */
  final List<byte[]> scannedKeys = new ArrayList<>();
  StoreScan.Result scan;
  /** Every party's signature public key (public: the store does hold them), once run. */
  final List<byte[]> publicKeys = new ArrayList<>();

  NetworkDemo(int participants, double seconds, int suiteId) {
    this.participants = participants;
    this.seconds = seconds;
    this.suiteId = suiteId;
  }

  /** Runs the meeting across processes; its proofs include the scan of the server's store. */
  MeetingDemo run() throws Exception {
    runDir = Files.createTempDirectory("sealmeet-demo-network");
    Runtime.getRuntime().addShutdownHook(reaper);
    List<String> accounts = new ArrayList<>(List.of("host"));
    for (int i = 1; i <= Math.max(3, participants - 1); i++) {
      accounts.add("guest" + i);
    }
    accounts.add("latecomer");
    SecureRandom random = new SecureRandom();
    List<String> lines = new ArrayList<>();
    for (String account : accounts) {
      byte[] token = new byte[24];
      random.nextBytes(token);
      tokens.put(account, HexFormat.of().formatHex(token));
      lines.add(BearerTokens.line(account, tokens.get(account)));
    }
    Path tokenFile = Files.write(runDir.resolve("tokens"), lines);
    Path store = runDir.resolve("store");
    startServer(tokenFile, store);
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(120_000);
    for (String account : accounts) {
      start(account);
    }
    for (int i = 0; i < accounts.size(); i++) {
      Connection c = accept();
      parties.put(c.account(), new RemoteParty(launcher, c.account(), c));
    }
    for (RemoteParty p : parties.values()) {
      introduce(p);
    }
    MeetingDemo demo = new MeetingDemo(participants, seconds, suiteId, DemoCommand.REGISTRY,
        (account, now) -> {
          RemoteParty p = parties.get(account);
          p.clock(now);
          return p;
        });
    demo.run();
    List<byte[]> identities = new ArrayList<>();
    List<byte[]> secrets = new ArrayList<>();
    for (RemoteParty p : parties.values()) {
      p.collectSecrets();
      secrets.addAll(p.secrets());
      identities.add(p.signingIdentity());
      publicKeys.add(p.signaturePublicKey());
      p.exit();
    }
    stopServer();
    StoreKeys keys = StoreKeys.of(demo, identities, secrets, suiteId);
    scannedKeys.addAll(keys.all());
    scan = StoreScan.scan(store, scannedKeys);
    if (keepStore != null) {
      copy(store, keepStore);
    }
    demo.proofs.add(new MeetingDemo.Proof("The server's store held none of the " + keys.all()
        .size() + " keys the parties held", scan.found().isEmpty() && scan.files() > 0
        && scan.bytes() > 0, "scanned " + scan.files() + " files, " + scan.bytes() + " bytes for "
        + keys.describe() + ": " + scan.found().size() + " found"
        + (scan.found().isEmpty() ? "" : " " + scan.found().subList(0,
            Math.min(3, scan.found().size())))));
    return demo;
  }

  private void startServer(Path tokenFile, Path store) throws Exception {
    server = new ProcessBuilder(command(Main.class, "ds", "--port", "0",
        "--tokens", tokenFile.toString(), "--dir", store.toString(), "--suite",
        String.format("0x%04x", suiteId))).redirectErrorStream(true).start();
    CompletableFuture<String> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          serverLog.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        serverLog.append("read failed: ").append(e).append('\n');
      }
      port.completeExceptionally(new IllegalStateException("sealmeet ds exited: " + serverLog));
    }, "sealmeet-demo-ds-output");
    reader.setDaemon(true);
    reader.start();
    target = "127.0.0.1:" + port.get(60, TimeUnit.SECONDS);
  }

  private void stopServer() throws InterruptedException {
    server.toHandle().destroy(); // SIGTERM: the server closes its store cleanly
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
      throw new IllegalStateException("sealmeet ds did not stop: " + serverLog);
    }
  }

  private void start(String account) throws IOException {
    Path work = runDir.resolve(account);
    Files.createDirectories(work);
    started.put(account, new ProcessBuilder(command(PartyProcess.class,
        Integer.toString(listener.getLocalPort()), account, target, tokens.get(account),
        Integer.toString(suiteId), work.toString(),
        Boolean.toString(account.equals(MeetingDemo.RESTARTER))))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("log").toFile())).start());
  }

  private Connection accept() throws IOException {
    Socket socket = listener.accept();
    socket.setTcpNoDelay(true);
    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        socket.getOutputStream()));
    String account = PartyWire.readString(in);
    byte[] key = PartyWire.readBytes(in);
    Process process = started.remove(account);
    if (process == null) {
      socket.close();
      throw new IllegalStateException("a process connected as " + account + ", not started");
    }
    return new Connection(account, process, socket, in, out, key,
        runDir.resolve(account).resolve("log"));
  }

  /** Tells {@code p} every other party's signature key, and them its key. */
  private void introduce(RemoteParty p) {
    for (RemoteParty other : parties.values()) {
      if (other != p) {
        p.know(other.account(), other.signaturePublicKey());
      }
    }
  }

  private Connection relaunch(String account) {
    try {
      start(account);
      return accept();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The command line of a child JVM running {@code main} with {@code args}: this JVM's java and
   * class path; a small heap, and the client compiler only (short runs, a busy machine: C2's
   * compilations cost more than they save here).
   */
  private static List<String> command(Class<?> main, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path f : walk.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private void destroyAll() {
    parties.values().forEach(RemoteParty::destroy);
    started.values().forEach(Process::destroyForcibly);
    if (server != null) {
      server.destroyForcibly();
    }
  }

  /** Stops every process still running and deletes the run's directory. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs
    }
    destroyAll();
    for (RemoteParty p : parties.values()) {
      p.kill();
    }
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      // closing
    }
    DemoStateDirectory.delete(runDir);
  }
}
