package dev.sealmeet.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A human-comparable code for one epoch, derived from its {@code epoch_authenticator} (RFC 9420
 * §8.7): every member of the epoch computes the same code, and any membership change starts a new
 * epoch and so a new code. Members read it aloud or compare it on screen.
 *
 * <pre>
 * digest = SHA-256("sealmeet security code v1" ‖ epoch_authenticator)
 * code   = 6 groups of 5 decimal digits, each from 5 bytes of digest mod 100000   (~99 bits)
 * </pre>
 */
public final class SecurityCode {
  /** The domain-separation label. */
  public static final String LABEL = "sealmeet security code v1";

  /** Groups of digits in a code. */
  public static final int GROUPS = 6;

  private SecurityCode() {}

  /** The code of the epoch whose authenticator is {@code epochAuthenticator}. */
  public static String of(byte[] epochAuthenticator) {
    byte[] digest;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(LABEL.getBytes(StandardCharsets.US_ASCII));
      digest = sha.digest(epochAuthenticator);
    } catch (NoSuchAlgorithmException e) {
      throw new dev.sealmeet.error.SealmeetBugException("SHA-256 is missing", e);
    }
    StringBuilder out = new StringBuilder(GROUPS * 6);
    for (int g = 0; g < GROUPS; g++) {
      long value = 0;
      for (int i = 0; i < 5; i++) {
        value = (value << 8) | (digest[g * 5 + i] & 0xff);
      }
      if (g > 0) {
        out.append(' ');
      }
      String digits = Long.toString(value % 100_000);
      out.append("00000", 0, 5 - digits.length()).append(digits);
    }
    return out.toString();
  }
}
