package dev.sealmeet.meeting;

import dev.sealmeet.mls.group.CredentialValidator;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The application's authentication service (RFC 9420 §5.3.1) for meetings: decides which
 * credentials are acceptable and to which account each belongs. Plug in X.509 chain validation
 * against the vendor's roots, or {@link #basicBoundTo} for basic credentials bound to account keys.
 * Every member runs it on every credential it sees: in the Welcome's tree, in Adds and in paths.
 */
@FunctionalInterface
public interface IdentityVerifier {
  /**
   * The verified identity of {@code credential} presented with {@code signatureKey}, or empty if
   * it is not acceptable.
   */
  Optional<VerifiedIdentity> verify(Credential credential, byte[] signatureKey);

  /**
   * This verifier as the MLS group's credential validator. A replacement credential (an Update or
   * a commit path, RFC 9420 §5.3.1: "the same client") is accepted only if it verifies and names
   * the same account as the credential it replaces.
   */
  default CredentialValidator asCredentialValidator() {
    IdentityVerifier verifier = this;
    return new CredentialValidator() {
      @Override
      public boolean accepts(Credential credential, byte[] signatureKey) {
        return verifier.verify(credential, signatureKey).isPresent();
      }

      @Override
      public boolean acceptsReplacement(Credential current, Credential replacement,
          byte[] replacementSignatureKey) {
        Optional<VerifiedIdentity> next = verifier.verify(replacement, replacementSignatureKey);
        return next.isPresent() && current.equals(replacement)
            || next.isPresent() && sameAccount(current, next.get());
      }

      private boolean sameAccount(Credential current, VerifiedIdentity next) {
        return accountOf(current).map(next.account()::equals).orElse(false);
      }
    };
  }

  /**
   * The account {@code credential} names, without checking any key: for comparing a replacement
   * with the credential it replaces. The default reads a basic credential's identity as UTF-8;
   * verifiers of other credential types override it.
   */
  default Optional<String> accountOf(Credential credential) {
    return credential instanceof BasicCredential basic
        ? Optional.of(new String(basic.identity(), StandardCharsets.UTF_8)) : Optional.empty();
  }

  /**
   * Basic credentials whose identity is an account name (UTF-8) and whose signature key is the
   * account's registered key in {@code accountKeys}: what a vendor's account directory vouches
   * for.
   */
  static IdentityVerifier basicBoundTo(Map<String, byte[]> accountKeys) {
    Map<String, byte[]> keys = Map.copyOf(accountKeys);
    return (credential, signatureKey) -> {
      if (!(credential instanceof BasicCredential basic)) {
        return Optional.empty();
      }
      String account = new String(basic.identity(), StandardCharsets.UTF_8);
      byte[] registered = keys.get(account);
      if (registered == null || !MessageDigest.isEqual(registered, signatureKey)) {
        return Optional.empty();
      }
      return Optional.of(new VerifiedIdentity(account, "basic, account key"));
    };
  }
}
