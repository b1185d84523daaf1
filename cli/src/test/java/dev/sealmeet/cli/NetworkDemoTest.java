package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sealmeet demo --network} end to end: the server and five participants, each a JVM of its
 * own over loopback gRPC, run the demo's script (shortest form: 4 participants, 0.5 s of media;
 * 30-40 s on a busy 2-core machine); all nine proofs pass. Then the scan finds the parties'
 * public keys in a copy of the server's store, and a key a party held once it is planted there:
 * the store proof can fail.
 */
class NetworkDemoTest {
  @TempDir Path dir;

  @Test
  void demoOverNetwork_everyProofPasses_andAPlantedKeyIsFound() throws Exception {
    DemoCommand command = new DemoCommand();
    command.keepStore = dir.resolve("store");
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = new CommandLine(command).execute("--network", "--participants", "4", "--seconds",
          "0.5");
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Network: sealmeet ds and 5 participants",
        "PASS  The server's store held none of the", "All proofs passed")
        .doesNotContain("FAIL");
    assertThat(printed.lines().filter(l -> l.startsWith("  PASS  "))).hasSize(9);
    assertThat(code).as(printed).isZero();

    NetworkDemo run = command.networkDemo;
    assertThat(run.scan.found()).isEmpty();
    assertThat(run.scan.files()).isPositive();
    List<byte[]> keys = run.scannedKeys;
    assertThat(keys).hasSizeGreaterThan(10);
    assertThat(StoreScan.scan(command.keepStore, keys).found()).isEmpty(); // the copy is the same
    // The scan reads what the store holds: the parties' public signature keys are there (in
    // KeyPackages, the GroupInfo, commits' leaf nodes).
    assertThat(StoreScan.scan(command.keepStore, run.publicKeys).found()).isNotEmpty();

    Path journal;
    try (Stream<Path> files = Files.walk(command.keepStore)) {
      journal = files.filter(Files::isRegularFile).max((a, b) -> Long.compare(a.toFile()
          .length(), b.toFile().length())).orElseThrow();
    }
    byte[] planted = keys.get(keys.size() / 2);
    Files.write(journal, planted, StandardOpenOption.APPEND);
    StoreScan.Result rescan = StoreScan.scan(command.keepStore, keys);
    assertThat(rescan.found()).hasSize(1).first().asString()
        .contains("key " + keys.size() / 2 + " in " + command.keepStore.relativize(journal));
  }
}
