package dev.sealmeet.error;

/** A protocol rule was broken. Carries the RFC section of the rule, e.g. {@code "RFC 9420 §7.9.2"}. */
public class ProtocolException extends SealmeetException {
  private static final long serialVersionUID = 1L;

  private final String section;

  /**
   * @param section the RFC section of the broken rule, e.g. {@code "RFC 9420 §12.4.3"}
   * @param message what was expected and what was found
   */
  public ProtocolException(String section, String message) {
    super(Reason.PROTOCOL_VIOLATION, section + ": " + message);
    this.section = section;
  }

  /** The RFC section whose rule was broken. */
  public String section() {
    return section;
  }
}
