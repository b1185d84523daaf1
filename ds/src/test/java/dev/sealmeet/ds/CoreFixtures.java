package dev.sealmeet.ds;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts, clients and meetings over a {@link DeliveryCore} (the minimal setup of protocol's
 * {@code MeetingFixtures}): each account reaches the core through its own {@link
 * CoreDeliveryService}, recorded.
 */
final class CoreFixtures implements AutoCloseable {
  final MlsSuite suite;
  LogStore store;
  DeliveryCore core;
  private final CoreOptions options;
  final MutableClock clock = new MutableClock();
  final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  final Map<String, MeetingClient> clients = new ConcurrentHashMap<>();
  final Map<String, RecordingDeliveryService> services = new ConcurrentHashMap<>();

  CoreFixtures(LogStore store) throws Exception {
    this(store, Duration.ofMillis(50));
  }

  CoreFixtures(LogStore store, Duration pollInterval) throws Exception {
    this.suite = MlsSuite.of(1, new SecureRandom());
    this.store = store;
    this.options = CoreOptions.defaults().withPollInterval(pollInterval)
        .withMaintenanceInterval(Duration.ofHours(1)).withClock(clock);
    this.core = new DeliveryCore(store, suite, options);
  }

  /**
   * Restarts the server: closes the core and the store, then serves every account from a new
   * core over {@code reopen}'s store (the same directory, for a durable one).
   */
  void restart(java.util.concurrent.Callable<LogStore> reopen) throws Exception {
    core.close();
    store.close();
    store = reopen.call();
    core = new DeliveryCore(store, suite, options);
    services.forEach((account, ds) ->
        ds.inner = new CoreDeliveryService(core, new Caller(account)));
  }

  /** The client of {@code account}, made once, its key registered with the shared verifier. */
  MeetingClient client(String account) {
    return clients.computeIfAbsent(account, a -> {
      SigningIdentity identity = SigningIdentity.generate(suite,
          new BasicCredential(a.getBytes(StandardCharsets.UTF_8)));
      accountKeys.put(a, identity.signaturePublicKey());
      IdentityVerifier verifier = (credential, key) ->
          IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
      return new MeetingClient(a, identity, suite, verifier, MeetingOptions.defaults());
    });
  }

  /** What {@code account} reaches the core through. */
  RecordingDeliveryService ds(String account) {
    return services.computeIfAbsent(account, a ->
        new RecordingDeliveryService(new CoreDeliveryService(core, new Caller(a))));
  }

  /** {@code guest} enters the lobby of {@code host}'s meeting and is admitted by it. */
  Meeting admit(Meeting host, String guest) throws SealmeetException {
    LobbyGuest waiting = LobbyGuest.enter(client(guest), ds(guest), host.invitation());
    host.admit(guest);
    return waiting.poll().orElseThrow(() -> new AssertionError("no Welcome for " + guest));
  }

  /** A meeting of the first account with the others admitted, all caught up. */
  List<Meeting> meeting(String... accounts) throws SealmeetException {
    Meeting host = Meeting.open(client(accounts[0]), ds(accounts[0]));
    List<Meeting> all = new ArrayList<>(List.of(host));
    for (int i = 1; i < accounts.length; i++) {
      all.add(admit(host, accounts[i]));
      pollAll(all);
    }
    return all;
  }

  static void pollAll(Collection<Meeting> members) throws SealmeetException {
    for (Meeting member : members) {
      member.poll();
    }
  }

  @Override
  public void close() throws StoreException {
    core.close();
    store.close();
  }
}
