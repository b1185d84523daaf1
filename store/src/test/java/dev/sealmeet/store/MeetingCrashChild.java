package dev.sealmeet.store;

import dev.sealmeet.meeting.GracePolicy;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.KeyAudit;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.MeetingRuntime;
import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.sframe.SframeSuite;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * One life of member "ann" in a child JVM, until the parent kills it: resumes from her store,
 * catches up, then sends media frames to the relay's SFU, polls the log (decrypting the host's
 * frames) and now and then commits an update, with small pauses drawn from its seed. Prints
 * {@code RESUMED <epoch>}, {@code CAUGHT_UP <epoch> <millis>}, {@code DECRYPTED <epoch> <millis>}
 * (once per epoch) and {@code COMMITTED <epoch>}.
 *
 * <p>Arguments: directory, relay port, seed, mean frames between updates.
 */
public final class MeetingCrashChild {
  static final String ACCOUNT = "ann";
  static final String SETUP_FILE = "setup.bin";
  static final String STATE_DIR = "ann-state";

  private MeetingCrashChild() {}

  /**
   * What a life needs besides the store: the meeting id, the account keys the verifier trusts,
   * and ann's exported identity (a test secret in a temporary directory).
   */
  record Setup(byte[] meetingId, Map<String, byte[]> accountKeys, byte[] identity) {
    void write(Path dir) throws IOException {
      try (OutputStream file = Files.newOutputStream(dir.resolve(SETUP_FILE));
          DataOutputStream out = new DataOutputStream(file)) {
        CrashRelay.writeField(out, meetingId);
        out.writeInt(accountKeys.size());
        for (Map.Entry<String, byte[]> key : accountKeys.entrySet()) {
          out.writeUTF(key.getKey());
          CrashRelay.writeField(out, key.getValue());
        }
        CrashRelay.writeField(out, identity);
      }
    }

    static Setup read(Path dir) throws IOException {
      try (InputStream file = Files.newInputStream(dir.resolve(SETUP_FILE));
          DataInputStream in = new DataInputStream(file)) {
        byte[] meetingId = CrashRelay.readField(in);
        Map<String, byte[]> keys = new HashMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          keys.put(in.readUTF(), CrashRelay.readField(in));
        }
        return new Setup(meetingId, keys, CrashRelay.readField(in));
      }
    }
  }

  /**
   * The options of both members: E = 16 epoch bits, so a KID names its epoch outright and the
   * relay can tell (key, nonce) from the header alone, decrypted or not.
   */
  static MeetingOptions options(MeetingRuntime runtime) {
    return new MeetingOptions(SframeSuite.AES_128_GCM_SHA256_128,
        new KidLayout(KidLayout.MAX_EPOCH_BITS), GracePolicy.defaults(), System::nanoTime, 32,
        KeyAudit.none()).withRuntime(runtime);
  }

  static MlsSuite suite() throws Exception {
    return MlsSuite.of(1, new SecureRandom());
  }

  /** Ann's client over {@code store}, as every one of her lives builds it. */
  static MeetingClient client(Setup setup, MeetingStore store) throws Exception {
    MlsSuite suite = suite();
    SigningIdentity identity = SigningIdentity.importSecret(suite, setup.identity());
    return new MeetingClient(ACCOUNT, identity, suite,
        IdentityVerifier.basicBoundTo(setup.accountKeys()),
        options(MeetingRuntime.defaults().withStore(store)));
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    int updateEvery = Integer.parseInt(args[3]);
    Setup setup = Setup.read(dir);
    MeetingClient client = client(setup, EmbeddedStore.open(dir.resolve(STATE_DIR)));
    try (RelayDeliveryService ds = RelayDeliveryService.connect(port)) {
      Meeting meeting = Meeting.resume(client, ds, setup.meetingId());
      System.out.println("RESUMED " + meeting.epoch());
      TreeSet<Long> decrypted = new TreeSet<>();
      report(meeting.poll(), decrypted);
      System.out.println("CAUGHT_UP " + meeting.epoch() + " " + System.currentTimeMillis());
      decrypted.clear(); // from here on, what this life decrypts live
      for (long i = 0; ; i++) {
        byte[] payload = {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16), 0x5a};
        ds.media(meeting.media().protect(null, payload));
        if (i % 4 == 0) {
          report(meeting.poll(), decrypted);
        }
        if (random.nextInt(updateEvery) == 0) {
          meeting.update();
          System.out.println("COMMITTED " + meeting.epoch());
        }
        int pause = random.nextInt(4);
        if (pause > 0) {
          Thread.sleep(pause);
        }
      }
    }
  }

  private static void report(List<ReceivedFrame> frames, TreeSet<Long> decrypted) {
    for (ReceivedFrame frame : frames) {
      if (decrypted.add(frame.epoch())) {
        System.out.println("DECRYPTED " + frame.epoch() + " " + System.currentTimeMillis());
      }
    }
  }
}
