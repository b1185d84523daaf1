package dev.sealmeet.ds;

/**
 * The caller's account may not do this (not a member, not the account it publishes for, not a
 * reader of the meeting). The message says which rule, not who.
 */
public final class AccessDeniedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A refusal naming the rule. */
  public AccessDeniedException(String message) {
    super(message);
  }
}
