package dev.sealmeet.protocol.internal;

/**
 * Lower-case hexadecimal for map keys and stored identifiers, in place of Java 17's {@code
 * java.util.HexFormat}, which Android does not have (README, "Android"). Not for secrets: the
 * strings it makes are neither wiped nor built in constant time.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Two lower-case digits per byte, most significant first; the empty string for no bytes. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * The bytes of an even number of hexadecimal digits, either case.
   *
   * @throws IllegalArgumentException for an odd length or a character that is not a digit
   */
  public static byte[] decode(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException(
          "hex string must have an even length, got " + hex.length());
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digit(hex, 2 * i) << 4 | digit(hex, 2 * i + 1));
    }
    return out;
  }

  private static int digit(String hex, int index) {
    int d = Character.digit(hex.charAt(index), 16);
    if (d < 0) {
      throw new IllegalArgumentException("not a hex digit at index " + index);
    }
    return d;
  }
}
