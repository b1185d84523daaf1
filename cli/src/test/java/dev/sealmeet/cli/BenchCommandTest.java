package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.bench.JceProviders;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void bench_unknownTarget_exitsWithUsageError() {
    assertThat(new CommandLine(new Main()).execute("bench", "nosuch")).isEqualTo(2);
  }

  @Test
  void bench_help_namesBothTargets() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(out.toString()).contains("sframe", "mls", "--suites", "--sizes", "--members");
  }

  @Test
  void bench_help_namesThePqTargetAndItsSuites() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(out.toString()).contains("'pq'", "0xF001", "0xF00A", "sframe, mls or pq");
  }

  @Test
  void bench_help_namesProvidersAndAccp() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(out.toString()).contains("--providers", "Corretto");
  }

  @Test
  void providers_alwaysJdk_accpOnlyWhenItLoads() {
    assertThat(JceProviders.available()).startsWith("jdk");
    assertThat(JceProviders.available().contains("accp")).isEqualTo(JceProviders.accp() != null);
    assertThat(JceProviders.describe()).contains("Amazon Corretto Crypto Provider");
  }

  @Test
  void bench_help_namesThePlotOptionAndTheProgressLines() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(out.toString()).contains("--plot", "FILE.svg", "estimate", "SVG");
  }
}
