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

  /** This verifier as the MLS group's credential validator. */
  default CredentialValidator asCredentialValidator() {
    return (credential, key) -> verify(credential, key).isPresent();
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
