package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.vectors.Lookup;
import dev.sealmeet.vectors.VectorRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConformanceCommandTest {
  private static final Path BUNDLED_SFRAME = VectorRoot.official().resolve("sframe");

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void captureStdout() {
    originalOut = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() {
    System.setOut(originalOut);
  }

  private List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void conformance_bundledSframeVectors_passAndEndWithClosingLine() {
    int status = new CommandLine(new Main()).execute("conformance", "--vectors", BUNDLED_SFRAME.toString());
    assertThat(status).isZero();
    assertThat(lines()).contains("test-vectors.json: 297 passed, 0 failed, 0 skipped");
    assertThat(lines().get(lines().size() - 1)).isEqualTo("600 passed, 0 failed");
  }

  @Test
  void conformance_alteredVector_exitsOne(@TempDir Path dir) throws IOException {
    Path sframe = Files.createDirectories(dir.resolve("sframe"));
    String original = Files.readString(BUNDLED_SFRAME.resolve("test-vectors.json"));
    // The first header case encodes KID 0, CTR 0 as "00"; claim "01" instead.
    String altered = original.replaceFirst("\"encoded\": \"00\"", "\"encoded\": \"01\"");
    assertThat(altered).isNotEqualTo(original);
    Files.writeString(sframe.resolve("test-vectors.json"), altered);

    int status = new CommandLine(new Main()).execute("conformance", "--vectors", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(lines().get(lines().size() - 1)).isEqualTo("296 passed, 1 failed");
  }

  @Test
  void conformance_json_printsTotals() {
    int status = new CommandLine(new Main())
        .execute("conformance", "--json", "--vectors", BUNDLED_SFRAME.toString());
    assertThat(status).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("{\"passed\":600,\"failed\":0,");
  }

  @Test
  void conformance_missingFolder_exitsTwo(@TempDir Path dir) {
    int status = new CommandLine(new Main())
        .execute("conformance", "--vectors", dir.resolve("absent").toString());
    assertThat(status).isEqualTo(2);
  }

  @Test
  void conformance_onlyUnrecognisedFiles_exitsOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.json"), "{\"not\": \"a vector file\"}");
    int status = new CommandLine(new Main()).execute("conformance", "--vectors", dir.toString());
    assertThat(status).isEqualTo(1);
    assertThat(lines()).contains("notes.json: unrecognised (no vector family runs this file)");
    assertThat(lines().get(lines().size() - 1)).isEqualTo("0 passed, 1 failed");
  }

  @Test
  void conformance_nothingPassed_exitsOne(@TempDir Path dir) throws IOException {
    int empty = new CommandLine(new Main()).execute("conformance", "--vectors", dir.toString());
    assertThat(empty).isEqualTo(1);
    Path sframe = Files.createDirectories(dir.resolve("sframe"));
    Files.writeString(sframe.resolve("test-vectors.json"), "{\"aes_ctr_hmac\": [{\"cipher_suite\":"
        + " 61440, \"key\": \"00\"}]}");
    int skippedOnly = new CommandLine(new Main())
        .execute("conformance", "--vectors", dir.toString());
    assertThat(skippedOnly).isEqualTo(1);
    assertThat(lines()).contains("1 skipped in all");
  }

  @Test
  void conformance_noVectorsAnywhereAndNoNetwork_exitsTwoSayingWhereItLooked(@TempDir Path dir)
      throws IOException {
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.writeString(checkout.resolve("sealmeet"), "");
    Files.writeString(checkout.resolve("pom.xml"), "");
    ConformanceCommand command = new ConformanceCommand();
    command.lookup = new Lookup(name -> null, name -> null, checkout, dir.resolve("cache"),
        source -> {
          throw new UnknownHostException(source.getHost());
        });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = new CommandLine(command).execute();
    } finally {
      System.setErr(originalErr);
    }
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("official test vectors not found")
        .contains(dir.resolve("shared").resolve("vectors") + " (the shared folder beside")
        .contains(dir.resolve("cache").resolve("vectors") + " (download cache)")
        .contains("SEALMEET_VECTORS");
    assertThat(lines()).isEmpty();
  }

  @Test
  void conformance_help_statesWhatFails() {
    new CommandLine(new Main()).execute("conformance", "--help");
    String help = String.join(" ", lines()).replaceAll("\\s+", " ");
    assertThat(help).contains("no vector family recognises is an error")
        .contains("if nothing passed");
  }
}
