package dev.sealmeet.ds.faults;

import dev.sealmeet.ds.CoreOptions;
import dev.sealmeet.ds.DeliveryCore;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.file.FileLogStore;
import dev.sealmeet.ds.grpc.BearerTokens;
import dev.sealmeet.ds.grpc.DeliveryServer;
import dev.sealmeet.ds.postgres.PostgresLogStore;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One server node as its own process, for the fault tests ({@link NodeProcess} starts it):
 * {@code --dir DIR} (the embedded store) or {@code --postgres URL --user NAME} (password in the
 * environment variable {@code SEALMEET_PG_PASSWORD}), {@code --tokens FILE}, and optionally
 * {@code --port N} (default any free one), {@code --poll-ms}, {@code --maintenance-ms}, {@code
 * --drop-after-ms}. Prints {@code port N} once it listens, and exits when its standard input
 * closes (the test that started it went away) or when it is killed.
 */
public final class DeliveryNodeMain {
  private DeliveryNodeMain() {}

  /** Runs the node. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    LogStore store = options.containsKey("--postgres")
        ? PostgresLogStore.open(options.get("--postgres"), options.get("--user"),
            System.getenv("SEALMEET_PG_PASSWORD"))
        : FileLogStore.open(Path.of(options.get("--dir")));
    CoreOptions core = CoreOptions.defaults()
        .withPollInterval(millis(options, "--poll-ms", 500))
        .withMaintenanceInterval(millis(options, "--maintenance-ms", 60_000));
    DeliveryCore delivery = new DeliveryCore(store, MlsSuite.of(1, new SecureRandom()), core);
    DeliveryServer server = DeliveryServer.builder().core(delivery)
        .authenticator(BearerTokens.fromFile(Path.of(options.get("--tokens"))))
        .port(Integer.parseInt(options.getOrDefault("--port", "0")))
        .dropAfter(millis(options, "--drop-after-ms", 0))
        .start();
    System.out.println("port " + server.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the parent closes our input
    }
    server.close();
    delivery.close();
    store.close();
    System.exit(0);
  }

  private static Duration millis(Map<String, String> options, String name, long otherwise) {
    return Duration.ofMillis(Long.parseLong(options.getOrDefault(name, Long.toString(otherwise))));
  }
}
