package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two members of one real meeting, MLS suite 1, the default options (sender authentication
 * required, SFrame suite AES-128-GCM) but for the sender-authentication parameters, built through
 * the public API: the sender {@link #alice}, who opened it, and the receiver {@link #bob},
 * admitted and caught up.
 */
final class MeetingPairFixture {
  final Meeting alice;
  final Meeting bob;

  /** A meeting requiring sender authentication with {@code params}. */
  MeetingPairFixture(SenderAuthParams params) {
    MeetingOptions options = MeetingOptions.defaults().withSenderAuthentication(params);
    try {
      MlsSuite suite = MlsSuite.of(1, new SecureRandom());
      InMemoryDeliveryService ds = new InMemoryDeliveryService(suite);
      Map<String, byte[]> keys = new ConcurrentHashMap<>();
      alice = Meeting.open(client("alice", suite, keys, options), ds);
      LobbyGuest guest = LobbyGuest.enter(client("bob", suite, keys, options), ds,
          alice.invitation());
      alice.admit("bob");
      bob = guest.poll().orElseThrow();
      alice.poll();
      bob.poll();
    } catch (SealmeetException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static MeetingClient client(String account, MlsSuite suite, Map<String, byte[]> keys,
      MeetingOptions options) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    keys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(keys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, options);
  }
}
