package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.grpc.BearerTokens;
import dev.sealmeet.ds.grpc.CallRefusedException;
import dev.sealmeet.ds.grpc.GrpcDeliveryService;
import dev.sealmeet.ds.grpc.RetryPolicy;
import dev.sealmeet.meeting.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DsCommandTest {
  @TempDir Path dir;

  @Test
  void ds_help_namesItsOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("ds", "--help")).isZero();
    assertThat(out.toString()).contains("--bind", "--port", "--dir", "--postgres",
        "--postgres-user", "--postgres-password-file", "--tokens", "--tls-cert", "--tls-key",
        "--client-ca", "--insecure", "--suite", "--drop-after");
  }

  @Test
  void ds_negativeDropAfter_exitsWithUsageError() throws Exception {
    Path tokens = tokens();
    CommandLine cli = new CommandLine(new Main());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("ds", "--memory", "--port", "0", "--tokens", tokens.toString(),
        "--drop-after", "-1")).isEqualTo(2);
  }

  @Test
  void ds_withNoAuthenticationOption_usesTheTokensFileOfItsDirectory_whereAddAccountWrites()
      throws Exception {
    Path home = dir.resolve("home");
    StringWriter printed = new StringWriter();
    CommandLine adder = new CommandLine(new Main());
    adder.setOut(new PrintWriter(printed, true));
    adder.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(adder.execute("ds", "--dir", home.toString(), "--add-account", "ann")).isZero();
    String token = printed.toString().strip();
    assertThat(Files.readAllLines(home.resolve("tokens")))
        .contains(BearerTokens.line("ann", token)).noneMatch(line -> line.contains(token));

    DsCommand command = new DsCommand();
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "--dir", home.toString(), "--port", "0"));
    int port = awaitPort(out, exit);
    try (GrpcDeliveryService ann = GrpcDeliveryService.builder().plaintext()
        .target("127.0.0.1:" + port).bearerToken(token).build();
        GrpcDeliveryService ben = GrpcDeliveryService.builder().plaintext()
            .target("127.0.0.1:" + port).bearerToken("ben-token")
            .retry(RetryPolicy.none()).build()) {
      assertThat(ann.externalSender().signatureKey()).isNotEmpty();
      assertThatThrownBy(() -> ben.fetch(new byte[] {7}, 1))
          .as("ben has no account yet").isInstanceOf(TransportException.class);
      CommandLine again = new CommandLine(new Main());
      StringWriter bens = new StringWriter();
      again.setOut(new PrintWriter(bens, true));
      again.setErr(new PrintWriter(new StringWriter(), true));
      assertThat(again.execute("ds", "--dir", home.toString(), "--add-account", "ben")).isZero();
      Files.setLastModifiedTime(home.resolve("tokens"),
          java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
      Thread.sleep(1_100); // the running server rereads a changed file at most once a second
      try (GrpcDeliveryService benNow = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + port).bearerToken(bens.toString().strip()).build()) {
        assertThatThrownBy(() -> benNow.fetch(new byte[] {7}, 1))
            .as("an authenticated call about no meeting").isInstanceOf(IllegalArgumentException.class);
      }
    } finally {
      command.stop();
    }
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void ds_postgresUnreachable_saysSo_andExits() throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "not-the-password\n");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("ds", "--port", "0", "--tokens", tokens().toString(),
        "--postgres", "jdbc:postgresql://127.0.0.1:1/sealmeet", "--postgres-user", "ds",
        "--postgres-password-file", password.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("sealmeet ds: cannot open the store")
        .doesNotContain("not-the-password");
  }

  @Test
  void ds_plaintextOutsideLoopback_refusesToStart() throws Exception {
    Path tokens = tokens();
    assertThat(new CommandLine(new Main()).execute("ds", "--memory", "--port", "0",
        "--bind", "0.0.0.0", "--tokens", tokens.toString())).isEqualTo(1);
  }

  @Test
  void ds_starts_printsWhereItListens_answersAuthenticatedCalls_stops() throws Exception {
    Path tokens = tokens();
    DsCommand command = new DsCommand();
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "--memory", "--port", "0", "--tokens", tokens.toString()));
    int port = awaitPort(out, exit);
    assertThat(out.toString()).contains("127.0.0.1:" + port, "plaintext", "store: memory");
    try (GrpcDeliveryService ann = GrpcDeliveryService.builder().plaintext()
        .target("127.0.0.1:" + port).bearerToken("ann-token").build();
        GrpcDeliveryService stranger = GrpcDeliveryService.builder().plaintext()
            .target("127.0.0.1:" + port).bearerToken("guess").retry(RetryPolicy.none())
            .build()) {
      assertThat(ann.externalSender().signatureKey()).isNotEmpty();
      assertThatThrownBy(() -> ann.fetch(new byte[] {7}, 1))
          .isInstanceOf(IllegalArgumentException.class); // no such meeting
      assertThatThrownBy(() -> stranger.fetch(new byte[] {7}, 1))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(
              CallRefusedException.in(e).map(CallRefusedException::reason))
              .contains(CallRefusedException.Reason.UNAUTHENTICATED));
    }
    command.stop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("sealmeet ds stopped");
  }

  @Test
  void ds_asAProcess_keepsItsEmbeddedStore_andStopsCleanlyOnSigterm() throws Exception {
    Path tokens = tokens();
    Path store = dir.resolve("store");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ds",
        "--port", "0", "--tokens", tokens.toString(), "--dir", store.toString())
        .redirectErrorStream(true).start();
    try {
      java.util.concurrent.BlockingQueue<String> lines =
          new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
            process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (java.io.IOException e) {
          lines.add("read failed: " + e);
        }
      });
      reader.start();
      String first = lines.poll(30, TimeUnit.SECONDS);
      assertThat(first).as("first line").isNotNull().contains("listening on 127.0.0.1:")
          .contains("store: embedded");
      Matcher port = Pattern.compile(":(\\d+) ").matcher(first);
      assertThat(port.find()).isTrue();
      try (GrpcDeliveryService ann = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + port.group(1)).bearerToken("ann-token").build()) {
        assertThat(ann.externalSender().signatureKey()).isNotEmpty();
      }
      process.toHandle().destroy(); // SIGTERM; Process.destroy would close the streams
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      assertThat(lines).containsExactly("sealmeet ds stopped");
      assertThat(Files.list(store)).isNotEmpty();
    } finally {
      process.destroyForcibly();
    }
  }

  private Path tokens() throws Exception {
    Path file = dir.resolve("tokens");
    Files.write(file, List.of("# test accounts", BearerTokens.line("ann", "ann-token")));
    return file;
  }

  private static int awaitPort(StringWriter out, CompletableFuture<Integer> exit)
      throws Exception {
    Pattern listening = Pattern.compile("listening on [0-9.]+:(\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Matcher m = listening.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(exit).as("sealmeet ds exited early: %s", out).isNotDone();
      Thread.sleep(20);
    }
    throw new AssertionError("sealmeet ds did not start: " + out);
  }
}
