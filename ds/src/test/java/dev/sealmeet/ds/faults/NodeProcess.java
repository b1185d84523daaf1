package dev.sealmeet.ds.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DeliveryNodeMain} in its own JVM on the test's class path; {@link #kill} is a real
 * {@code kill -9} ({@link Process#destroyForcibly}). The node's standard error goes to a file
 * beside the test's output, so a failure can be read after.
 */
final class NodeProcess implements AutoCloseable {
  private static final long START_SECONDS = 60;

  private final Process process;
  private final int port;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a node with {@code args}, {@code env} added to its environment; waits for its port. */
  static NodeProcess start(Path log, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), DeliveryNodeMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    });
    String first;
    try {
      first = line.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the node did not start; see " + log, e);
    }
    if (first == null || !first.startsWith("port ")) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("the node did not start (" + first + "); see " + log);
    }
    return new NodeProcess(process, Integer.parseInt(first.substring(5).trim()));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("a killed node did not exit");
    }
  }

  /** Asks the node to stop (closes its input); kills it if it does not within 10 s. */
  @Override
  public void close() throws Exception {
    if (!process.isAlive()) {
      return;
    }
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
