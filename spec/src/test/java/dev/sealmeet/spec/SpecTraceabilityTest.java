package dev.sealmeet.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every MUST of {@code spec/protocol.md} carries an ID, and the IDs and the tests agree: each ID is
 * named by at least one test (in its method name as {@code SM_MLS_3} or in its
 * {@code @DisplayName} as {@code [SM-MLS-3]}), and no test names an ID the spec lacks.
 */
class SpecTraceabilityTest {
  private static final Path ROOT = Path.of("..");
  private static final Path SPEC = ROOT.resolve("spec/protocol.md");
  private static final List<Path> TEST_TREES = List.of(ROOT.resolve("protocol/src/test"),
      ROOT.resolve("spec/src/test"), ROOT.resolve("cli/src/test"));
  private static final Pattern SPEC_ID = Pattern.compile("\\[(SM-[A-Z]+-\\d+)\\]");
  private static final Pattern DISPLAY = Pattern.compile("@DisplayName\\(\"([^\"]*)\"\\)");
  private static final Pattern METHOD = Pattern.compile("void\\s+(\\w+)\\s*\\(");
  private static final Pattern METHOD_ID = Pattern.compile("SM_([A-Z]+)_(\\d+)");

  static Set<String> specIds(String markdown) {
    Set<String> ids = new TreeSet<>();
    Matcher m = SPEC_ID.matcher(markdown);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The IDs named by test methods (display names or method names) in {@code source}. */
  static Set<String> testIds(String source) {
    Set<String> ids = new TreeSet<>();
    Matcher display = DISPLAY.matcher(source);
    while (display.find()) {
      ids.addAll(specIds(display.group(1)));
    }
    Matcher method = METHOD.matcher(source);
    while (method.find()) {
      Matcher id = METHOD_ID.matcher(method.group(1));
      while (id.find()) {
        ids.add("SM-" + id.group(1) + "-" + id.group(2));
      }
    }
    return ids;
  }

  private static Set<String> allTestIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (Path tree : TEST_TREES) {
      if (!Files.isDirectory(tree)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(tree)) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
          try {
            ids.addAll(testIds(Files.readString(p, StandardCharsets.UTF_8)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    return ids;
  }

  @Test
  void everyMust_hasAnId() throws IOException {
    List<String> unnamed = Files.readAllLines(SPEC, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains("MUST"))
        .filter(line -> !SPEC_ID.matcher(line).find())
        .toList();
    // A MUST may wrap; its ID then ends the sentence on a following line of the same item.
    String text = Files.readString(SPEC, StandardCharsets.UTF_8);
    for (String line : unnamed) {
      int at = text.indexOf(line);
      int end = text.indexOf("\n\n", at);
      String rest = text.substring(at, end < 0 ? text.length() : end);
      int nextItem = rest.indexOf("\n- ", 1);
      String item = nextItem < 0 ? rest : rest.substring(0, nextItem);
      assertThat(SPEC_ID.matcher(item).find()).as("MUST without ID: %s", line).isTrue();
    }
  }

  @Test
  void everySpecId_isNamedByATest_andEveryNamedIdExists() throws IOException {
    Set<String> spec = specIds(Files.readString(SPEC, StandardCharsets.UTF_8));
    Set<String> tests = allTestIds();
    assertThat(spec).isNotEmpty();
    Set<String> untested = new TreeSet<>(spec);
    untested.removeAll(tests);
    Set<String> unknown = new TreeSet<>(tests);
    unknown.removeAll(spec);
    assertThat(untested).as("spec IDs no test names").isEmpty();
    assertThat(unknown).as("IDs tests name that the spec lacks").isEmpty();
  }

  @Test
  void scanner_findsIdsInDisplayNamesAndMethodNames_only() {
    String source = "@DisplayName(\"x [SM-A-1] y [SM-B-2]\")\n vo" + "id foo_SM_C_3_bar() {}\n"
        + "// [SM-D-4] in a comment\n String s = \"[SM-E-5]\";";
    assertThat(testIds(source)).containsExactly("SM-A-1", "SM-B-2", "SM-C-3");
    assertThat(specIds("a [SM-X-1] and [SM-Y-22]")).containsExactly("SM-X-1", "SM-Y-22");
  }
}
