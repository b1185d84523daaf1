package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;

/** Shared fixtures: the real suite 0x0001 and deterministic secrets. */
final class Suites {
  private Suites() {}

  static MlsSuite suite1() {
    try {
      return MlsSuite.of(1, new SecureRandom());
    } catch (UnsupportedException e) {
      throw new AssertionError("suite 1 must be supported", e);
    }
  }

  /** {@code length} bytes of value {@code fill}. */
  static Secret secret(int fill, int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Secret.wrap(bytes);
  }

  static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
