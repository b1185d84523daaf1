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
   * Whether a member that presented {@code current} may present {@code replacement} instead: in an
   * Update, a commit's path, or an external commit that removes the joiner's earlier leaf (RFC 9420
   * §5.3.1 "the same client", §12.2). The default accepts only the very same credential, and only
   * if {@link #accepts} does; applications whose credentials change (a renewed certificate) say
   * here which replacements name the same client.
   */
  default boolean acceptsReplacement(Credential current, Credential replacement,
      byte[] replacementSignatureKey) {
    return java.util.Arrays.equals(current.toBytes(), replacement.toBytes())
        && accepts(replacement, replacementSignatureKey);
  }

  /** A validator that accepts every credential: for tests and for the conformance vectors only. */
  static CredentialValidator acceptAll() {
    return (credential, key) -> true;
  }
}
