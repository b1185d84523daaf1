package dev.sealmeet.ds.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from this machine's binaries ({@code /usr/lib/postgresql/<version>
 * /bin}: {@code initdb} and {@code pg_ctl}), on a loopback port with a temporary data directory,
 * for tests and {@code sealmeet load}. As root it runs them through {@code runuser -u postgres}
 * (PostgreSQL refuses to run as root) with the directory owned by that user. The superuser is
 * {@link #user()} with a random password; {@link #destroy} stops the server and deletes the
 * directory. Not thread-safe: one owner drives it.
 */
public final class LocalPostgres {
  private static final long COMMAND_TIMEOUT_SECONDS = 120;
  private static final String USER = "sealmeet";

  private final Path bin;
  private final int port;
  private final boolean durable;
  private final String password = "sealmeet-" + UUID.randomUUID();
  private final boolean asRoot = "root".equals(System.getProperty("user.name"));
  private Path dir;
  private boolean running;

  /**
   * A server of the binaries in {@code bin} on {@code port}, not started yet.
   *
   * @param durable whether it syncs its writes to disk ({@code fsync}); tests turn it off
   */
  public LocalPostgres(Path bin, int port, boolean durable) {
    this.bin = bin;
    this.port = port;
    this.durable = durable;
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin} holding initdb and pg_ctl. */
  public static Optional<Path> machineBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb"))
              && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(LocalPostgres::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A free loopback TCP port (free when asked). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Initializes the data directory on the first call, then starts the server and waits for it. */
  public void start() throws IOException {
    if (dir == null) {
      init();
    }
    run(List.of(pgCtl(), "-D", data(), "-l", dir.resolve("server.log").toString(), "-w",
        "-t", "60", "-o", "-p " + port + " -k " + dir.resolve("sock")
            + " -c listen_addresses=127.0.0.1 -c max_connections=200"
            + (durable ? "" : " -c fsync=off"),
        "start"));
    running = true;
  }

  /** Stops the server (fast shutdown: open transactions are rolled back, clients cut off). */
  public void stop() throws IOException {
    run(List.of(pgCtl(), "-D", data(), "-m", "fast", "-w", "-t", "60", "stop"));
    running = false;
  }

  /** Kills the server without a shutdown checkpoint: the next start recovers from the WAL. */
  public void crash() throws IOException {
    run(List.of(pgCtl(), "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop"));
    running = false;
  }

  /** Stops the server if it runs (immediately) and deletes its data. Never throws. */
  public void destroy() {
    if (dir == null) {
      return;
    }
    if (running) {
      try {
        crash();
      } catch (IOException e) {
        System.err.println("could not stop the local PostgreSQL: " + e.getMessage());
      }
      running = false;
    }
    deleteTree(dir);
  }

  /** The data directory, which holds postmaster.pid while the server runs. */
  public Path dataDir() {
    return dir.resolve("data");
  }

  /** The TCP port. */
  public int port() {
    return port;
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The superuser's name. */
  public String user() {
    return USER;
  }

  /** The superuser's password. */
  public String password() {
    return password;
  }

  /** Creates an empty database with a fresh name; returns its JDBC URL. */
  public String createDatabase() throws SQLException {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return jdbcUrl(name);
  }

  private void init() throws IOException {
    dir = Files.createTempDirectory("sealmeet-pg-");
    Path sock = Files.createDirectory(dir.resolve("sock"));
    Path pwfile = Files.writeString(dir.resolve("pw"), password, StandardCharsets.UTF_8);
    if (asRoot) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      for (Path p : List.of(dir, sock, pwfile)) {
        Files.setOwner(p, postgres);
      }
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data(), "-U", USER,
        "--pwfile=" + pwfile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
        "--locale=C", "--no-sync"));
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private String pgCtl() {
    return bin.resolve("pg_ctl").toString();
  }

  private void run(List<String> command) throws IOException {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path out = Files.createTempFile("sealmeet-pg-cmd-", ".log");
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IOException(Path.of(command.get(0)).getFileName() + " failed ("
            + process.exitValue() + "): " + Files.readString(out) + serverLogTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private String serverLogTail() throws IOException {
    Path log = dir.resolve("server.log");
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return "\nserver log:\n" + String.join("\n",
        lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** Deletes {@code dir} and everything under it; reports, never throws. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
