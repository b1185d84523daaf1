package dev.sealmeet.error;

/** A cipher suite, version, extension or algorithm is not supported by this build. */
public class UnsupportedException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  /** @param message what is unsupported, e.g. {@code "MLS cipher suite 0x0042"} */
  public UnsupportedException(String message) {
    super(Reason.UNSUPPORTED, message);
  }
}
