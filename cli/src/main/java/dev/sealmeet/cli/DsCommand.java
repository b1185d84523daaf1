package dev.sealmeet.cli;

import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.grpc.Authenticator;
import dev.sealmeet.ds.grpc.ClientCertificates;
import dev.sealmeet.ds.grpc.DeliveryServer;
import dev.sealmeet.ds.grpc.TokensFile;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealmeet ds}: runs the delivery service server until stopped. */
@Command(
    name = "ds",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps it at word boundaries to the terminal's width.
    description = {
      "Runs the delivery service: it orders each meeting's handshakes (the first valid commit of "
          + "an epoch wins), answers a repeated submit with its first answer, keeps the lobby's "
          + "KeyPackages and knocks, pushes the log to subscribers, and drops a meeting's log "
          + "when it ends. It holds no group secret and stores no media. Serves gRPC (service "
          + "Delivery of delivery.proto) until SIGTERM or Ctrl-C, then stops cleanly.",
      "Callers authenticate with a bearer token (--tokens: lines of an account and the SHA-256 "
          + "of its token in hex; by default the file tokens in the server's directory, where "
          + "--add-account NAME adds one) or a client certificate (--client-ca: its subject CN is "
          + "the account). TLS is required unless the address is loopback or --insecure is given.",
      "Storage: an embedded store in a local directory (--dir), or a PostgreSQL database "
          + "(--postgres) that any number of server nodes share."
    })
final class DsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only)")
  String bind = "127.0.0.1";

  @Option(names = "--port", paramLabel = "N",
      description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port, printed at start)")
  int port = 7443;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "~/.sealmeet/ds unless given: the directory of the embedded store")
  Path dir;

  @Option(names = "--memory",
      description = "Keep everything in memory instead (lost at exit; for trials)")
  boolean memory;

  @Option(names = "--postgres", paramLabel = "URL",
      description = "JDBC URL of a PostgreSQL database to store in, shared by every node")
  String postgres;

  @Option(names = "--postgres-user", paramLabel = "NAME", description = "PostgreSQL user")
  String postgresUser;

  @Option(names = "--postgres-password-file", paramLabel = "FILE",
      description = "File whose first line is the PostgreSQL password")
  Path postgresPasswordFile;

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "Bearer tokens: lines of an account and the SHA-256 of its token, in hex, "
          + "reread when the file changes. Unless given (or --client-ca is), the file tokens in "
          + "the server's directory (--dir), created empty at first start")
  Path tokens;

  @Option(names = "--add-account", paramLabel = "NAME",
      description = "Bind a new random bearer token to account NAME in the tokens file, print "
          + "the token (the file keeps only its hash) and exit; a running server takes it "
          + "within a second")
  String addAccount;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "The server's certificate chain (PEM); with --tls-key, turns TLS on")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM",
      description = "The server's private key (PKCS#8 PEM)")
  Path tlsKey;

  @Option(names = "--client-ca", paramLabel = "PEM",
      description = "CA of client certificates: mutual TLS, the certificate's CN is the account")
  Path clientCa;

  @Option(names = "--insecure",
      description = "Allow plaintext on an address that is not loopback (a TLS proxy in front)")
  boolean insecure;

  @Option(names = "--drop-after", paramLabel = "SECONDS",
      description = "Propose (as the group's external sender) the removal of a member whose "
          + "account had no open subscription and made no call for this long, for another member "
          + "to commit; 0 turns it off. Default: 120 on the embedded or memory store, off with "
          + "--postgres (presence is this node's own, so a client that moved to another node would "
          + "look dropped: with several nodes, turn it on for one)")
  Long dropAfterSeconds;

  @Option(names = "--suite", paramLabel = "SUITE", description = "MLS cipher suite of the "
      + "meetings served, a name or code point (default ${DEFAULT-VALUE})")
  String suite = "0x0001";

  private final Object lock = new Object();
  private final List<AutoCloseable> running = new ArrayList<>();
  private Thread hook;

  @Override
  public Integer call() throws Exception {
    String problem = problem();
    if (problem != null) {
      err().println("sealmeet ds: " + problem);
      return 2;
    }
    if (tokens == null && clientCa == null) {
      tokens = home().resolve("tokens");
      TokensFile.createIfAbsent(tokens);
    }
    if (addAccount != null) {
      return addAccount();
    }
    MlsSuite mlsSuite;
    try {
      mlsSuite = MlsSuite.of(DemoCommand.REGISTRY.resolve(suite), DemoCommand.REGISTRY,
          new SecureRandom());
    } catch (IllegalArgumentException e) {
      err().println("sealmeet ds: " + e.getMessage());
      return 2;
    }
    Authenticator authenticator = authenticator();
    LogStore store;
    String storeName;
    try {
      if (postgres != null) {
        store = DsStores.postgres(postgres, postgresUser, password());
        storeName = "PostgreSQL";
      } else if (memory) {
        store = DsStores.memory();
        storeName = "memory (lost at exit)";
      } else {
        Path where = home();
        Files.createDirectories(where);
        store = DsStores.file(where);
        storeName = "embedded, " + where.toAbsolutePath();
      }
    } catch (IllegalStateException | StoreException e) {
      err().println("sealmeet ds: cannot open the store: " + e.getMessage());
      return 1;
    }
    DeliveryCore core = new DeliveryCore(store, mlsSuite);
    DeliveryServer server;
    try {
      DeliveryServer.Builder builder = DeliveryServer.builder().bind(bind).port(port)
          .insecure(insecure).authenticator(authenticator).core(core)
          .dropAfter(java.time.Duration.ofSeconds(dropAfter()));
      if (tlsCert != null) {
        builder.tls(tlsCert, tlsKey);
      }
      if (clientCa != null) {
        builder.clientCa(clientCa);
      }
      server = builder.start();
    } catch (IllegalStateException | java.io.IOException e) {
      core.close();
      store.close();
      err().println("sealmeet ds: cannot serve on " + bind + ":" + port + ": "
          + e.getMessage());
      return 1;
    }
    synchronized (lock) {
      running.add(store);
      running.add(core);
      running.add(server);
      hook = new Thread(this::stop, "sealmeet-ds-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("sealmeet ds listening on " + bind + ":" + server.port()
        + (server.tls() ? " (TLS" + (clientCa != null ? ", client certificates)" : ")")
            : " (plaintext)") + ", store: " + storeName
        + (dropAfter() > 0 ? ", drops clients absent " + dropAfter() + " s" : ""));
    out.flush();
    server.awaitTermination();
    return 0;
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Stops the server, then the core, then the store. Idempotent; the shutdown hook calls it. */
  void stop() {
    List<AutoCloseable> closing;
    synchronized (lock) {
      closing = new ArrayList<>(running);
      running.clear();
      if (hook != null && Thread.currentThread() != hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down already
        }
      }
    }
    if (closing.isEmpty()) {
      return;
    }
    for (int i = closing.size() - 1; i >= 0; i--) {
      try {
        closing.get(i).close();
      } catch (Exception e) {
        err().println("sealmeet ds: while stopping: " + e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("sealmeet ds stopped");
    out.flush();
  }

  /** The server's directory: its embedded store and, by default, its tokens file. */
  private Path home() {
    return dir != null ? dir : Path.of(System.getProperty("user.home"), ".sealmeet", "ds");
  }

  private int addAccount() throws java.io.IOException {
    String token;
    try {
      token = TokensFile.addAccount(tokens, addAccount, new SecureRandom());
    } catch (IllegalArgumentException e) {
      err().println("sealmeet ds: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(token);
    out.flush();
    err().println("sealmeet ds: account added to " + tokens.toAbsolutePath()
        + "; the token above is shown once");
    return 0;
  }

  /** The drop time in seconds: as given, else 120 on one node's own store, 0 with PostgreSQL. */
  private long dropAfter() {
    return dropAfterSeconds != null ? dropAfterSeconds : postgres != null ? 0 : 120;
  }

  private String problem() {
    if (port < 0 || port > 65_535) {
      return "--port must be in 0..65535, got " + port;
    }
    if (dropAfterSeconds != null && dropAfterSeconds < 0) {
      return "--drop-after must be 0 (off) or more seconds, got " + dropAfterSeconds;
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      return "--tls-cert and --tls-key go together";
    }
    if (clientCa != null && tlsCert == null) {
      return "--client-ca needs --tls-cert and --tls-key";
    }
    if (addAccount != null && clientCa != null && tokens == null) {
      return "--add-account writes a tokens file: give --tokens, or no --client-ca";
    }
    if (postgres != null && (memory || dir != null)) {
      return "--postgres, --dir and --memory exclude each other";
    }
    if (memory && dir != null) {
      return "--dir and --memory exclude each other";
    }
    if (postgres == null && (postgresUser != null || postgresPasswordFile != null)) {
      return "--postgres-user and --postgres-password-file go with --postgres";
    }
    return null;
  }

  private Authenticator authenticator() throws java.io.IOException {
    List<Authenticator> all = new ArrayList<>();
    if (clientCa != null) {
      all.add(ClientCertificates.fromPem(clientCa));
    }
    if (tokens != null) {
      all.add(TokensFile.watch(tokens));
    }
    return all.size() == 1 ? all.get(0) : Authenticator.firstOf(all.toArray(Authenticator[]::new));
  }

  private String password() throws java.io.IOException {
    if (postgresPasswordFile == null) {
      return null;
    }
    List<String> lines = Files.readAllLines(postgresPasswordFile, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.get(0);
  }
}
