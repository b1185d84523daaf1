package dev.sealmeet.attacks;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stage of every attack test: an account directory, the in-memory delivery service (the
 * attacker's usual vantage point) and an audit of every media {@code base_key} each client
 * installed, so a test can try every key anyone ever held.
 */
final class AttackFixtures {
  /** One installed key, as the audit saw it. */
  record InstalledKey(String account, long epoch, byte[] baseKey) {}

  final MlsSuite suite;
  final InMemoryDeliveryService ds;
  final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  final Map<String, SigningIdentity> identities = new ConcurrentHashMap<>();
  final List<InstalledKey> installed = new CopyOnWriteArrayList<>();
  final MeetingOptions options;

  AttackFixtures() {
    this(System::nanoTime);
  }

  /** The stage, with {@code nanoTime} as every client's grace clock. */
  AttackFixtures(java.util.function.LongSupplier nanoTime) {
    this(nanoTime, dev.sealmeet.meeting.MeetingListener.none());
  }

  /** The stage, with {@code nanoTime} as every client's clock and {@code listener} as each one's. */
  AttackFixtures(java.util.function.LongSupplier nanoTime,
      dev.sealmeet.meeting.MeetingListener listener) {
    try {
      suite = MlsSuite.of(1, new SecureRandom());
    } catch (SealmeetException e) {
      throw new AssertionError(e);
    }
    ds = new InMemoryDeliveryService(suite);
    options = MeetingOptions.defaults().withNanoTime(nanoTime).withAudit(
        (account, epoch, key) -> installed.add(new InstalledKey(account, epoch, key)))
        .withRuntime(dev.sealmeet.meeting.MeetingRuntime.defaults().withListener(listener));
  }

  /** A client whose account key is registered in the directory the verifier trusts. */
  MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    identities.put(account, identity);
    return new MeetingClient(account, identity, suite, verifier(), options);
  }

  /** A client whose key is NOT registered: what an impostor can make on its own. */
  MeetingClient unregistered(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    return new MeetingClient(account, identity, suite, verifier(), options);
  }

  /** Verifies against the directory as it is when a credential is checked. */
  IdentityVerifier verifier() {
    return (credential, key) -> IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
  }

  /** A meeting opened by the first account with the others admitted, everyone caught up. */
  List<Meeting> meeting(String... accounts) throws SealmeetException {
    Meeting host = Meeting.open(client(accounts[0]), ds);
    List<Meeting> all = new ArrayList<>(List.of(host));
    for (int i = 1; i < accounts.length; i++) {
      LobbyGuest guest = LobbyGuest.enter(client(accounts[i]), ds, host.invitation());
      host.admit(guest.account());
      all.add(guest.poll().orElseThrow(() -> new AssertionError("no Welcome")));
      MeetingInternals.pollAll(all);
    }
    return all;
  }

  /** The keys {@code account} installed. */
  List<InstalledKey> keysOf(String account) {
    return installed.stream().filter(k -> k.account().equals(account)).toList();
  }

  /** Every envelope the delivery service recorded for the meeting, as wire bytes. */
  List<byte[]> wire(byte[] meetingId) {
    return MeetingInternals.recorded(ds, meetingId).stream().map(Envelope::toByteArray).toList();
  }

  /**
   * Whether {@code baseKey} opens {@code sframe}: the frame's KID selects the per-sender key
   * derived from it (RFC 9605 §4.4.2), exactly as a receiver holding that key would.
   */
  static boolean opens(byte[] baseKey, byte[] sframe) {
    try (SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128)) {
      long kid = SframeHeader.decode(ByteBuffer.wrap(sframe)).kid();
      receiver.addKey(kid, Secret.copyOf(baseKey));
      receiver.unprotect(null, sframe);
      return true;
    } catch (SealmeetException e) {
      return false;
    }
  }

  /** Whether {@code needle} occurs anywhere in {@code haystack}. */
  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
