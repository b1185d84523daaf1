package consumer;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** README's meeting example as a vendor writes it: alice hosts, bob joins, one video frame. */
public final class TwoMemberMeeting {
  public static void main(String[] args) throws SealmeetException {
    MlsSuite suite = MlsSuite.of(1, new SecureRandom());
    InMemoryDeliveryService ds = new InMemoryDeliveryService(suite);
    SigningIdentity aliceId = identity("alice", suite);
    SigningIdentity bobId = identity("bob", suite);
    // The vendor's account directory: which signature key each account holds.
    Map<String, byte[]> accountKeys = new HashMap<>();
    accountKeys.put("alice", aliceId.signaturePublicKey());
    accountKeys.put("bob", bobId.signaturePublicKey());
    IdentityVerifier verifier = IdentityVerifier.basicBoundTo(accountKeys);
    MeetingOptions options = MeetingOptions.defaults();
    MeetingClient alice = new MeetingClient("alice", aliceId, suite, verifier, options);
    MeetingClient bob = new MeetingClient("bob", bobId, suite, verifier, options);

    Meeting meeting = Meeting.open(alice, ds);
    LobbyGuest guest = LobbyGuest.enter(bob, ds, meeting.invitation());
    meeting.admit("bob");
    Meeting atBob = guest.poll().orElseThrow();
    byte[] frame = {1, 2, 3, 4};
    meeting.send(MediaKind.VIDEO, frame);
    List<ReceivedFrame> frames = atBob.poll();

    if (frames.size() != 1 || !Arrays.equals(frames.get(0).payload(), frame)) {
      throw new AssertionError("bob did not receive the frame: " + frames);
    }
    if (!atBob.securityCode().equals(meeting.securityCode())) {
      throw new AssertionError("security codes differ");
    }
    String where = TwoMemberMeeting.class.getModule().isNamed() ? "module path" : "class path";
    System.out.println("consumer (" + where + "): 2 members, 1 frame decrypted, security code "
        + atBob.securityCode());
  }

  private static SigningIdentity identity(String account, MlsSuite suite) {
    return SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
  }
}
