package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, clients and a delivery service for the meeting tests. */
final class MeetingFixtures {
  final MlsSuite suite;
  final InMemoryDeliveryService ds;
  final Map<String, byte[]> accountKeys = new HashMap<>();
  final Map<String, SigningIdentity> identities = new HashMap<>();
  final MeetingOptions options;

  MeetingFixtures(MeetingOptions options) {
    this(options, suite1());
  }

  /** Clients in {@code suite}, which {@code options}' MLS suite registry must hold. */
  MeetingFixtures(MeetingOptions options, MlsSuite suite) {
    this.suite = suite;
    ds = new InMemoryDeliveryService(suite);
    this.options = options;
  }

  private static MlsSuite suite1() {
    try {
      return MlsSuite.of(1, new SecureRandom());
    } catch (SealmeetException e) {
      throw new AssertionError(e);
    }
  }

  MeetingFixtures() {
    this(MeetingOptions.defaults());
  }

  /** A client whose account key is registered with the shared verifier. */
  MeetingClient client(String account) {
    return client(account, suite, options);
  }

  /** A client in another suite or with other options, registered like {@link #client(String)}. */
  MeetingClient client(String account, MlsSuite clientSuite, MeetingOptions clientOptions) {
    SigningIdentity identity = SigningIdentity.generate(clientSuite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    identities.put(account, identity);
    return new MeetingClient(account, identity, clientSuite, verifier(), clientOptions);
  }

  /** Verifies against the registry as it is when a credential is checked. */
  IdentityVerifier verifier() {
    return (credential, key) -> IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
  }

  /** Admits {@code guest} through {@code host} and returns its meeting. */
  Meeting admit(Meeting host, LobbyGuest guest) throws SealmeetException {
    host.admit(guest.account());
    Optional<Meeting> joined = guest.poll();
    return joined.orElseThrow(() -> new AssertionError("no Welcome for " + guest.account()));
  }

  /** A meeting of {@code host} with the other accounts admitted, all caught up. */
  List<Meeting> meeting(String... accounts) throws SealmeetException {
    Meeting host = Meeting.open(client(accounts[0]), ds);
    java.util.ArrayList<Meeting> all = new java.util.ArrayList<>(List.of(host));
    for (int i = 1; i < accounts.length; i++) {
      LobbyGuest guest = LobbyGuest.enter(client(accounts[i]), ds, host.invitation());
      all.add(admit(host, guest));
      MeetingInternals.pollAll(all);
    }
    return all;
  }

  /** Asserts that {@code call} throws a {@link MeetingRuleException} naming {@code rule}. */
  static void assertBreaks(MeetingRule rule,
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    org.assertj.core.api.Assertions.assertThatThrownBy(call)
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.rule()).isEqualTo(rule));
  }

  /**
   * {@code member} commits {@code request} on its MLS group directly, skipping every check the
   * meeting makes on its own commits, and submits it to the delivery service: what a modified
   * client can do. Returns the epoch the commit was made in.
   */
  long submitUnchecked(Meeting member, CommitRequest request) throws SealmeetException {
    long epoch = member.epoch();
    CommitResult commit = member.group().commit(request);
    MeetingInternals.submit(ds, MeetingInternals.commit(member, commit.commit()));
    return epoch;
  }

  /** Each of {@code others} reads the log, rejects the commit for {@code rule} and stays put. */
  static void assertAllReject(List<Meeting> others, long epoch, MeetingRule rule)
      throws TransportException, StorageException {
    for (Meeting other : others) {
      other.poll();
      org.assertj.core.api.Assertions.assertThat(other.epoch()).isEqualTo(epoch);
      org.assertj.core.api.Assertions.assertThat(other.rejected()).singleElement()
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.rule()).isEqualTo(rule));
    }
  }
}
