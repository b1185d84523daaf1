package dev.sealmeet.mls.group;

import dev.sealmeet.error.ProtocolException;

/**
 * A message or operation broke a rule of the MLS group state machine (RFC 9420 §10–§13). {@link
 * #rule()} names the rule so that callers and tests can branch on it without parsing the message;
 * the message says what was expected and what was found, never a secret.
 */
public final class GroupRuleException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final GroupRule rule;

  /**
   * @param rule the broken rule
   * @param message what was expected and what was found
   */
  public GroupRuleException(GroupRule rule, String message) {
    super(rule.section(), rule.name() + ": " + message);
    this.rule = rule;
  }

  /** The rule that was broken. */
  public GroupRule rule() {
    return rule;
  }
}
