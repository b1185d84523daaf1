package dev.sealmeet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code sealmeet ds} server node as a child JVM on a loopback port: a real process, so that its
 * heap and CPU are its own. Measured with {@code jcmd} (a full GC, then the heap in use).
 */
final class LoadNode implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on [0-9.]+:(\\d+)");
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;

  private LoadNode(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code sealmeet ds --port 0 <storeArguments>} with {@code jvmOptions} and waits for
   * its port.
   *
   * @throws IOException if it does not start within a minute
   */
  static LoadNode start(List<String> jvmOptions, Path tokens, List<String> storeArguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "ds", "--port", "0", "--tokens", tokens.toString()));
    command.addAll(storeArguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output not read: " + e.getMessage() + ")");
      }
    }, "sealmeet-load-node-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return new LoadNode(process, Integer.parseInt(m.group(1)));
        }
      } else if (!process.isAlive()) {
        break;
      }
    }
    process.destroyForcibly();
    throw new IOException("the server node did not start: " + String.join(" | ", seen));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** The node's heap in use after a full GC, in bytes ({@code jcmd GC.run}, {@code GC.heap_info}). */
  long heapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = USED.matcher(info);
    if (!m.find()) {
      throw new IOException("no heap figure in jcmd GC.heap_info: " + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  /** CPU time the node used so far (user and system), or zero if the platform does not say. */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private String jcmd(String what) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(java("jcmd"), Long.toString(process.pid()), what)
        .redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + what + " failed: " + out);
    }
    return out;
  }

  private static String java(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  /** SIGTERM (the node stops cleanly), then a kill after 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
