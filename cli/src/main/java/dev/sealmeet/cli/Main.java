package dev.sealmeet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sealmeet} command. */
@Command(
    name = "sealmeet",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    version = "sealmeet 0.1.0-SNAPSHOT",
    description = "End-to-end encryption for video meetings: MLS (RFC 9420) + SFrame (RFC 9605).",
    subcommands = {DemoCommand.class, ConformanceCommand.class, BenchCommand.class,
      InteropClientCommand.class, DsCommand.class, LoadCommand.class,
      CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
