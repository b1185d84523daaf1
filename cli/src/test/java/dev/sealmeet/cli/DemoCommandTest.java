package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sealmeet demo --suite}: the demo in a post-quantum MLS suite passes every proof. */
class DemoCommandTest {

  /** Runs the CLI with {@code args}; returns the exit code and what it printed, stdout then stderr. */
  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new Main()).execute(args);
      return new String[] {Integer.toString(code), captured.toString(StandardCharsets.UTF_8),
          capturedErr.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void demo_inXWingEd25519Suite_passesEveryProof() {
    String[] result = run("demo", "--suite", "MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519",
        "--participants", "4", "--seconds", "0.5");
    assertThat(result[1]).contains(
        "MLS cipher suite: 0xf001 MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519",
        "PASS  sender authentication: 12 of 12 forged frames detected (claimed sender host), "
            + "0 honest frames marked forged beyond the",
        "All proofs passed").doesNotContain("FAIL");
    assertThat(result[0]).isEqualTo("0");
  }

  @Test
  void demo_suiteByCodePoint_isTheSameSuite() {
    String[] result = run("demo", "--suite", "0xF00A", "--participants", "4", "--seconds", "0.5");
    assertThat(result[1]).contains("0xf00a MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65",
        "PASS  sender authentication: 12 of 12 forged frames detected", "All proofs passed")
        .doesNotContain("FAIL"); // ML-DSA-65 leaf keys sign the statements
    assertThat(result[0]).isEqualTo("0");
  }

  @Test
  void demo_unknownSuite_exitsWithUsageError_listingTheSuites() {
    String[] result = run("demo", "--suite", "0x4242");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2]).contains("0x4242", "0xf001 MLS_128_MLKEM768X25519");
  }
}
