package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * An identity the application's {@link IdentityVerifier} vouched for: the account a credential
 * belongs to, as the application names it, and how it was verified.
 *
 * @param account the account name
 * @param method how the credential was verified, e.g. "x509 chain" or "basic, account key"
 */
public record VerifiedIdentity(String account, String method) {
  /** Checks for nulls. */
  public VerifiedIdentity {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(method, "method");
  }
}
