package dev.sealmeet.meeting;

import dev.sealmeet.error.ProtocolException;

/**
 * A message broke a {@link MeetingRule}; the meeting state is unchanged. The message names leaf
 * indices, epochs and roles only, never keys or identities.
 */
public final class MeetingRuleException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final MeetingRule rule;

  /** A rejection under {@code rule}, with a message that says what was expected and found. */
  public MeetingRuleException(MeetingRule rule, String message) {
    super(rule.section(), rule + ": " + message);
    this.rule = rule;
  }

  /** The rule the message broke. */
  public MeetingRule rule() {
    return rule;
  }
}
