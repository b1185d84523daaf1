package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.Credential;

/**
 * The application's authentication service (RFC 9420 §5.3.1): decides whether a credential, bound
 * to a signature key, is acceptable in the group, and whether a member may replace its credential
 * in an Update or commit path. MLS itself only checks that the signatures match the keys.
 */
@FunctionalInterface
public interface CredentialValidator {
  /** Whether {@code credential}, presented with {@code signatureKey}, may be in the group. */
  boolean accepts(Credential credential, byte[] signatureKey);

  /**
   * Whether a member that presented {@code current} may present {@code replacement} instead
   * (RFC 9420 §5.3.1: "the same client"). The default accepts the replacement if {@link #accepts}
   * does; applications with stable identities should compare them here.
   */
  default boolean acceptsReplacement(Credential current, Credential replacement,
      byte[] replacementSignatureKey) {
    return accepts(replacement, replacementSignatureKey);
  }

  /** A validator that accepts every credential: for tests and for the conformance vectors only. */
  static CredentialValidator acceptAll() {
    return (credential, key) -> true;
  }
}
