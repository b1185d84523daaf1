package dev.sealmeet.cli;

import dev.sealmeet.interop.InteropServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealmeet interop-client}: serves the MLS working group's gRPC test-harness interface. */
@Command(
    name = "interop-client",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps it at word boundaries to the terminal's width.
    description = {
      "Serves the MLSClient gRPC interface of the MLS working group's interop test harness "
          + "(mls_client.proto, plaintext HTTP/2) until stopped, so that its test runner can play "
          + "scenarios between Sealmeet and other MLS implementations."
    })
final class InteropClientCommand implements Callable<Integer> {

  @Option(names = "--port", required = true, paramLabel = "N",
      description = "TCP port to listen on (0: any free port, printed at start)")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only)")
  String host = "127.0.0.1";

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      System.err.println("sealmeet: --port must be in 0..65535, got " + port);
      return 2;
    }
    InteropServer server;
    try {
      server = InteropServer.start(host, port);
    } catch (IOException e) {
      System.err.println("sealmeet: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "interop-client-stop"));
    System.out.println("sealmeet interop-client listening on " + host + ":" + server.port());
    System.out.flush();
    server.awaitTermination();
    return 0;
  }
}
