package dev.sealmeet.webrtc;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingListener;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.MeetingRuntime;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real meetings for the adapter tests, built through the public API only (as a WebRTC
 * application would): an in-memory delivery service, an injected clock, the epochs' base keys
 * (for the forger, who holds them as any member does) and the forgeries the listener heard of.
 */
final class WebRtcMeetings {
  static final long MS = 1_000_000L;

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final Map<String, byte[]> baseKeys = new ConcurrentHashMap<>();
  final List<ForgedFrame> forgeries = new CopyOnWriteArrayList<>();
  final MlsSuite suite;
  final InMemoryDeliveryService ds;
  final MeetingOptions options;
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();

  WebRtcMeetings(boolean senderAuthentication) {
    try {
      suite = MlsSuite.of(1, new SecureRandom());
    } catch (SealmeetException e) {
      throw new AssertionError(e);
    }
    ds = new InMemoryDeliveryService(suite);
    MeetingOptions o = MeetingOptions.defaults().withNanoTime(clock::get)
        .withAudit((account, epoch, key) -> baseKeys.put(account + "@" + epoch, key))
        .withRuntime(MeetingRuntime.defaults().withListener(new MeetingListener() {
          @Override
          public void frameForged(Meeting meeting, ForgedFrame forged) {
            forgeries.add(forged);
          }
        }));
    options = senderAuthentication ? o : o.withoutSenderAuthentication();
  }

  MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, options);
  }

  /** {@code accounts[0]}'s meeting with the others admitted, everyone caught up. */
  List<Meeting> meeting(String... accounts) throws SealmeetException {
    Meeting host = Meeting.open(client(accounts[0]), ds);
    List<Meeting> all = new ArrayList<>(List.of(host));
    for (int i = 1; i < accounts.length; i++) {
      all.add(admit(host, accounts[i]));
      pollAll(all);
    }
    return all;
  }

  /** {@code account} knocks and {@code host} admits it; its meeting. */
  Meeting admit(Meeting host, String account) throws SealmeetException {
    LobbyGuest guest = LobbyGuest.enter(client(account), ds, host.invitation());
    host.admit(account);
    return guest.poll().orElseThrow();
  }

  static void pollAll(List<Meeting> members) throws SealmeetException {
    for (int round = 0; round < 2; round++) {
      for (Meeting m : members) {
        m.poll();
      }
    }
  }

  /** The time-based signature windows close: everything recorded is signed at the next poll. */
  void pastMaxDelay() {
    clock.addAndGet(600 * MS);
  }
}
