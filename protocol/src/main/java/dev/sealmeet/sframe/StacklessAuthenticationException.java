package dev.sealmeet.sframe;

import dev.sealmeet.error.AuthenticationException;

/** An {@link AuthenticationException} without a stack trace, for forged or damaged frames. */
final class StacklessAuthenticationException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  StacklessAuthenticationException(String message) {
    super(message, false);
  }
}
