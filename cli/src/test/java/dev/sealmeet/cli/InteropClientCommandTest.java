package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InteropClientCommandTest {

  @Test
  void interopClient_help_namesPortAndHost() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("interop-client", "--help")).isZero();
    assertThat(out.toString()).contains("--port", "--host", "mls_client.proto");
  }

  @Test
  void interopClient_withoutPort_exitsWithUsageError() {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("interop-client")).isEqualTo(2);
  }

  @Test
  void interopClient_portOutOfRange_exitsWithUsageError() {
    assertThat(new CommandLine(new Main()).execute("interop-client", "--port", "70000"))
        .isEqualTo(2);
  }
}
