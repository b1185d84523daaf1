package dev.sealmeet.mls.message;

/**
 * {@code ProtocolVersion} of RFC 9420 §6 (a uint16). Versions are carried as {@code int} in the wire
 * records; this class names the values.
 */
public final class ProtocolVersion {
  /** {@code mls10}, the only version RFC 9420 defines. */
  public static final int MLS10 = 1;

  private ProtocolVersion() {}
}
