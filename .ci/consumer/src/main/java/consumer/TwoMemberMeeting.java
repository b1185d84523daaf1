package consumer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
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

/**
 * README's meeting example as a vendor writes it: alice hosts, bob joins, one video frame; in the
 * same run the vendor's own protobuf-java (3.21.12, older than Sealmeet ever used) builds and parses
 * its messages. While Sealmeet's envelopes were protoc 4.36 classes, this run failed at the first
 * admit (NoClassDefFoundError com/google/protobuf/RuntimeVersion$RuntimeDomain in their static
 * initializer, on both paths).
 */
public final class TwoMemberMeeting {
  public static void main(String[] args) throws SealmeetException, InvalidProtocolBufferException {
    vendorReport("before the meeting", 0);
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
    Struct report = vendorReport(atBob.securityCode(), 2);
    String runtime = Struct.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    if (!runtime.endsWith("protobuf-java-3.21.12.jar")) {
      throw new AssertionError("not the vendor's protobuf-java 3.21.12: " + runtime);
    }
    String where = TwoMemberMeeting.class.getModule().isNamed() ? "module path" : "class path";
    System.out.println("consumer (" + where + "): 2 members, 1 frame decrypted, security code "
        + atBob.securityCode() + "; the vendor's protobuf-java 3.21.12 built and parsed "
        + report.getFieldsCount() + "-field Structs beside it");
  }

  /** The vendor's own Protobuf message, round-tripped through its bytes. */
  private static Struct vendorReport(String code, int members)
      throws InvalidProtocolBufferException {
    Timestamp now = Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000).build();
    Struct report = Struct.newBuilder()
        .putFields("code", Value.newBuilder().setStringValue(code).build())
        .putFields("members", Value.newBuilder().setNumberValue(members).build())
        .putFields("at", Value.newBuilder().setStringValue(now.toString()).build())
        .build();
    Struct parsed = Struct.parseFrom(report.toByteArray());
    if (!parsed.equals(report) || !Timestamp.parseFrom(now.toByteArray()).equals(now)) {
      throw new AssertionError("the vendor's Protobuf messages do not round-trip");
    }
    return parsed;
  }

  private static SigningIdentity identity(String account, MlsSuite suite) {
    return SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
  }
}
