package dev.sealmeet.bench.report;

/**
 * The generated blocks of a Markdown file: the text between {@code <!-- report:NAME-begin -->} and
 * {@code <!-- report:NAME-end -->}, each marker on a line of its own.
 */
public final class ReadmeBlocks {
  private ReadmeBlocks() {}

  /** The begin marker line of {@code name}. */
  public static String begin(String name) {
    return "<!-- report:" + name + "-begin -->\n";
  }

  /** The end marker line of {@code name}. */
  public static String end(String name) {
    return "<!-- report:" + name + "-end -->";
  }

  /**
   * The text between the markers of {@code name}.
   *
   * @throws IllegalArgumentException if the markers are missing, repeated or out of order
   */
  public static String extract(String markdown, String name) {
    int[] span = span(markdown, name);
    return markdown.substring(span[0], span[1]);
  }

  /**
   * {@code markdown} with the text between the markers of {@code name} replaced by {@code body}.
   *
   * @throws IllegalArgumentException if the markers are missing, repeated or out of order
   */
  public static String replace(String markdown, String name, String body) {
    int[] span = span(markdown, name);
    return markdown.substring(0, span[0]) + body + markdown.substring(span[1]);
  }

  private static int[] span(String markdown, String name) {
    String b = begin(name);
    String e = end(name);
    int from = markdown.indexOf(b);
    int to = markdown.indexOf(e);
    if (from < 0 || to < 0 || markdown.indexOf(b, from + 1) >= 0
        || markdown.indexOf(e, to + 1) >= 0 || to < from + b.length()) {
      throw new IllegalArgumentException(
          "markers of block '" + name + "' missing, repeated or out of order");
    }
    return new int[] {from + b.length(), to};
  }
}
