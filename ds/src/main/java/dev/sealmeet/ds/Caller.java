package dev.sealmeet.ds;

import java.util.Objects;

/**
 * Who makes a request, as the transport authenticated it (a bearer token's account, a client
 * certificate's subject). The core decides what the account may do; it never trusts an account
 * name inside a request.
 *
 * @param account the authenticated account
 */
public record Caller(String account) {
  /** Checks that the account is named. */
  public Caller {
    Objects.requireNonNull(account, "account");
    if (account.isEmpty()) {
      throw new IllegalArgumentException("an empty account");
    }
  }

  /** Hides the account: it is an identity. */
  @Override
  public String toString() {
    return "Caller[…]";
  }
}
