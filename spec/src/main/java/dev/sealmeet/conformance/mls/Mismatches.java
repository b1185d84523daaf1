package dev.sealmeet.conformance.mls;

import dev.sealmeet.crypto.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Soft assertions for one vector case: every field is compared and every difference named. Reports
 * name fields only, never the values computed by the code under test.
 */
final class Mismatches {
  private final List<String> fields = new ArrayList<>();

  /** Records {@code field} if {@code actual} differs from the vector's {@code expected}. */
  void bytes(String field, byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      fields.add(field);
    }
  }

  /** Compares a secret holder with the vector's value, then destroys the holder. */
  void secret(String field, byte[] expected, Secret actual) {
    byte[] raw = actual.copyBytes();
    try {
      bytes(field, expected, raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
      actual.destroy();
    }
  }

  /** Records {@code what} if {@code condition} is false. */
  void isTrue(String what, boolean condition) {
    if (!condition) {
      fields.add(what);
    }
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  String summary() {
    return "mismatch in " + String.join(", ", fields);
  }
}
