package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of ours wraps its {@code --help} at word boundaries: each description, with its white space
 * collapsed, appears unbroken in the usage text at 60 and 80 columns (a word cut by a line break
 * would read "wor d" there).
 */
class HelpWrapTest {
  @TestFactory
  List<DynamicTest> help_atNarrowWidths_wrapsAtWordBoundaries() {
    List<DynamicTest> tests = new ArrayList<>();
    CommandLine root = new CommandLine(new Main());
    List<CommandLine> commands = new ArrayList<>(List.of(root));
    commands.addAll(root.getSubcommands().values());
    commands.removeIf(c -> c.getCommand() instanceof CommandLine.HelpCommand); // picocli's own
    for (CommandLine command : commands) {
      for (int width : new int[] {60, 80}) {
        String name = command.getCommandName() + " at " + width + " columns";
        tests.add(DynamicTest.dynamicTest(name, () -> assertWrapsAtWords(command, width)));
      }
    }
    return tests;
  }

  private static void assertWrapsAtWords(CommandLine command, int width) {
    CommandSpec spec = command.getCommandSpec();
    spec.usageMessage().autoWidth(false).width(width);
    String usage = collapse(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
    List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
    for (OptionSpec option : spec.options()) {
      texts.addAll(List.of(option.description()));
    }
    for (String text : texts) {
      assertThat(usage).contains(collapse(text));
    }
  }

  private static String collapse(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
