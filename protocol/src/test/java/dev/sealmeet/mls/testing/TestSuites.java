package dev.sealmeet.mls.testing;

import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;

/** The real cipher suites of {@code dev.sealmeet.crypto.CipherSuites}, for test fixtures. */
public final class TestSuites {
  private TestSuites() {}

  /** Suite 0x0001 (X25519, AES-128-GCM, SHA-256, Ed25519). */
  public static MlsSuite suite1() {
    try {
      return MlsSuite.of(1, new SecureRandom());
    } catch (UnsupportedException e) {
      throw new AssertionError("suite 1 must be supported", e);
    }
  }
}
