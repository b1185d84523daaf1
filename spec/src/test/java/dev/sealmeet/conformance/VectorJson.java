package dev.sealmeet.conformance;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders generated vectors as stable, readable JSON: maps (in insertion order), lists, strings,
 * integers and booleans. A map or list that holds only scalars goes on one line, anything else is
 * indented by two spaces per level, so the same value always gives the same bytes.
 */
final class VectorJson {
  private VectorJson() {}

  /** {@code value} as JSON, ending in a newline. */
  static String render(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      boolean flat = map.values().stream().allMatch(VectorJson::scalar);
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(out, flat, depth + 1);
        quote(out, (String) e.getKey());
        out.append(": ");
        write(out, e.getValue(), depth + 1);
        out.append(it.hasNext() ? "," : "");
      }
      newline(out, flat, depth);
      out.append('}');
    } else if (value instanceof List<?> list) {
      boolean flat = list.stream().allMatch(VectorJson::scalar);
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        newline(out, flat, depth + 1);
        write(out, list.get(i), depth + 1);
        out.append(i + 1 < list.size() ? "," : "");
      }
      newline(out, flat || list.isEmpty(), depth);
      out.append(']');
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("cannot render " + value);
    }
  }

  private static boolean scalar(Object value) {
    return !(value instanceof Map<?, ?> || value instanceof List<?>);
  }

  private static void newline(StringBuilder out, boolean flat, int depth) {
    if (flat) {
      out.append(out.charAt(out.length() - 1) == ',' ? " " : "");
      return;
    }
    out.append('\n').append("  ".repeat(depth));
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("vector strings are printable ASCII");
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
