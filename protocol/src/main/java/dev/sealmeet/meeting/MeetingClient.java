package dev.sealmeet.meeting;

import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.SuiteDefinitionExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One user's client: account name, MLS signing identity and the verifier it trusts. Makes
 * KeyPackages that support the roles extension, and joins meetings.
 */
public final class MeetingClient {
  private final String account;
  private final SigningIdentity identity;
  private final MlsSuite suite;
  private final IdentityVerifier verifier;
  private final GroupConfig config;
  private final MeetingOptions options;

  /**
   * A client of {@code account} signing with {@code identity}.
   *
   * @param suite the MLS suite of this client's KeyPackages and of the meetings it opens
   * @param verifier checks every credential this client meets, its own included
   * @throws IllegalArgumentException if {@code options}' MLS suite registry lacks {@code suite}
   */
  public MeetingClient(String account, SigningIdentity identity, MlsSuite suite,
      IdentityVerifier verifier, MeetingOptions options) {
    this.account = Objects.requireNonNull(account, "account");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.options = Objects.requireNonNull(options, "options");
    // PublicMessage handshakes: RolePolicy reads the proposals a commit carries by value.
    this.config = GroupConfig.defaults().withCredentials(verifier.asCredentialValidator())
        .withEncryptHandshake(false).withPastEpochs(0).withSuites(options.mlsSuites());
    if (options.mlsSuites().definition(suite.id()).isEmpty()) {
      throw new IllegalArgumentException(String.format(
          "the options' MLS suite registry has no suite 0x%04x", suite.id()));
    }
  }

  /** The account name. */
  public String account() {
    return account;
  }

  SigningIdentity identity() {
    return identity;
  }

  MlsSuite suite() {
    return suite;
  }

  IdentityVerifier verifier() {
    return verifier;
  }

  GroupConfig config() {
    return config;
  }

  MeetingOptions options() {
    return options;
  }

  /**
   * What a meeting member supports: this suite, basic and X.509 credentials, the extension types
   * of {@link #meetingExtensionTypes(boolean)} with sender authentication, which every client
   * implements whether or not the meetings it opens require it (spec §1.2).
   */
  Capabilities capabilities() {
    return new Capabilities(List.of(ProtocolVersion.MLS10), List.of(suite.id()),
        meetingExtensionTypes(true), List.of(), List.of(1, 2));
  }

  /**
   * The GroupContext extension types a meeting in this client's suite requires of every member
   * (spec §1.2): roles and media parameters, sender authentication if {@code senderAuth}, and in
   * a suite IANA has not assigned the suite definition that binds the suite in the group (spec
   * §1.1).
   */
  List<Integer> meetingExtensionTypes(boolean senderAuth) {
    List<Integer> types = new ArrayList<>(
        List.of(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE));
    if (senderAuth) {
      types.add(SenderAuthRequirement.EXTENSION_TYPE);
    }
    if (SuiteDefinitionExtension.requiredFor(suite.id())) {
      types.add(Extensions.SUITE_DEFINITION);
    }
    return List.copyOf(types);
  }

  /** A fresh KeyPackage with its private keys (RFC 9420 §10), valid for a day. */
  KeyPackageBundle newKeyPackage(boolean lastResort) {
    return KeyPackageBundle.create(suite, identity, capabilities(), Duration.ofDays(1),
        lastResort, List.of(), config);
  }

  /** The directory entry for {@code bundle}'s KeyPackage. */
  KeyPackageEntry upload(KeyPackageBundle bundle, boolean lastResort) {
    return new KeyPackageEntry(account, lastResort, MlsMessage.of(bundle.keyPackage()).toBytes());
  }

  /** Account only. */
  @Override
  public String toString() {
    return "MeetingClient[" + suite + "]";
  }
}
