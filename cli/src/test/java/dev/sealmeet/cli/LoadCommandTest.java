package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The short version of {@code sealmeet load}: two meetings of three members, five commits each,
 * against one child-JVM node on the embedded store. Checks that every commit was merged by every
 * member and that each figure is there; it asserts no speed.
 */
class LoadCommandTest {

  @Test
  void load_twoMeetingsOfThree_everyCommitMergedByEveryMember_figuresPresent() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("load", "--meetings", "2", "--members", "3", "--commits", "5",
        "--warmup", "0", "--duration", "120", "--threads", "2", "--node-jvm", "-Xmx256m");
    String text = out.toString();
    assertThat(exit).as("%s%s", text, err).isZero();
    assertThat(text).contains("merged by every member: yes (10 of 10 commits, 0 failures)",
        "command: sealmeet load --meetings 2 --members 3 --commits 5", "child JVMs",
        "machine: ", " cores; load average ", "JDK: ");
    Matcher row = Pattern.compile("(?m)^2 +3 +1 +embedded +(\\d+) +([0-9.]+) +([0-9.]+) "
        + "+([0-9.]+) +([0-9.]+) +(\\d+) +(-?[0-9.]+) +(\\d+)% +(\\d+)%").matcher(text);
    assertThat(row.find()).as(text).isTrue();
    assertThat(Integer.parseInt(row.group(1))).as("measured commits").isEqualTo(10);
    assertThat(Double.parseDouble(row.group(2))).as("handshakes/s").isPositive();
    double p50 = Double.parseDouble(row.group(3));
    double p99 = Double.parseDouble(row.group(4));
    double max = Double.parseDouble(row.group(5));
    assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
    assertThat(p99).isLessThanOrEqualTo(max);
    assertThat(text).containsPattern("server heap after GC: \\d+ KiB with the meetings, \\d+ "
        + "KiB empty");
  }

  @Test
  void load_twoNodesWithoutPostgres_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("load", "--nodes", "2")).isEqualTo(2);
  }
}
