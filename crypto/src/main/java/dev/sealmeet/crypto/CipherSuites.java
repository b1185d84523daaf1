package dev.sealmeet.crypto;

import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;
import java.util.List;

/** Entry point: the MLS cipher suites this build supports (RFC 9420 §17.1). */
public final class CipherSuites {
  private CipherSuites() {}

  /** The identifiers of every supported MLS cipher suite, ascending. */
  public static List<Integer> supported() {
    return List.of();
  }

  /**
   * The suite with IANA identifier {@code id}, drawing randomness from {@code random}.
   *
   * @throws UnsupportedException if the suite is not supported
   */
  public static CipherSuite get(int id, SecureRandom random) throws UnsupportedException {
    throw new UnsupportedException(String.format("MLS cipher suite 0x%04x", id));
  }
}
