package dev.sealmeet.cli;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.RosterEvent;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole meeting of {@code sealmeet demo}: a host, lobby guests, media through an untrusted
 * relay, a removal, a leave and a latecomer; then the proofs, each trying every key each party
 * ever held (copies handed out by {@link dev.sealmeet.meeting.KeyAudit}).
 */
final class MeetingDemo {
  /** One proof: its statement, whether it held, and the numbers behind it. */
  record Proof(String name, boolean passed, String detail) {}

  /** A line of the timeline. */
  record Line(long epoch, String event, String securityCode) {}

  private record Sent(long sequence, long id, String sender, Set<String> membersAtSend) {}

  final List<Proof> proofs = new ArrayList<>();
  final List<Line> timeline = new ArrayList<>();
  long frames;
  long bytes;

  private final int participants;
  private final double seconds;
  private final Random random = new Random(1);
  private final Map<String, List<Map.Entry<Long, byte[]>>> keysHeld = new ConcurrentHashMap<>();
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> decrypted = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, Meeting> members = new LinkedHashMap<>();
  private MlsSuite suite;
  private InMemoryDeliveryService relay;
  private long nextFrameId;

  private final int suiteId;
  private final SuiteRegistry registry;

  MeetingDemo(int participants, double seconds) {
    this(participants, seconds, 1, SuiteRegistry.rfc9420());
  }

  /** A demo whose meeting is in MLS suite {@code suiteId} of {@code registry}. */
  MeetingDemo(int participants, double seconds, int suiteId, SuiteRegistry registry) {
    this.participants = participants;
    this.seconds = seconds;
    this.suiteId = suiteId;
    this.registry = registry;
  }

  /** The code point of the MLS suite every client of the demo ran, once {@link #run} started. */
  int mlsSuiteId() {
    return suite.id();
  }

  private MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    MeetingOptions options = MeetingOptions.defaults().withMlsSuites(registry).withAudit(
        (who, epoch, key) ->
        keysHeld.computeIfAbsent(who, w -> new ArrayList<>()).add(Map.entry(epoch, key)));
    return new MeetingClient(account, identity, suite, verifier, options);
  }

  void run() throws SealmeetException {
    suite = MlsSuite.of(suiteId, registry, new SecureRandom());
    relay = new InMemoryDeliveryService(suite);
    Meeting host = Meeting.open(client("host"), relay);
    members.put("host", host);
    note(host, "host opens the meeting");
    int guests = Math.max(3, participants - 1);
    List<LobbyGuest> lobby = new ArrayList<>();
    for (int i = 1; i <= guests; i++) {
      lobby.add(LobbyGuest.enter(client("guest" + i), relay, host.invitation()));
    }
    LobbyGuest latecomer = LobbyGuest.enter(client("latecomer"), relay, host.invitation());
    timeline.add(new Line(host.epoch(), guests + 1 + " guests wait in the lobby", host
        .securityCode()));
    double phase = seconds / 5;
    // The last guest waits in the lobby while media flows: the lobby-guest proof attacks it.
    for (int i = 0; i < guests - 1; i++) {
      admit(host, lobby.get(i));
    }
    media(phase);
    LobbyGuest waited = lobby.get(guests - 1);
    long admittedAt = relay.recorded(host.id()).size();
    admit(host, waited);
    media(phase);
    String removed = "guest1";
    long removedAt = relay.recorded(host.id()).size();
    host.remove(host.leafOf(removed).getAsLong());
    pollAll();
    members.remove(removed).close();
    note(host, "host removes " + removed);
    media(phase);
    String leaver = "guest2";
    members.get(leaver).leave();
    host.commitPending();
    pollAll();
    members.remove(leaver).close();
    note(host, leaver + " leaves (self-remove committed by host)");
    media(phase);
    long lateAt = relay.recorded(host.id()).size();
    admit(host, latecomer);
    media(phase);
    for (Meeting m : members.values()) {
      m.poll();
    }
    prove(removed, removedAt, waited.account(), admittedAt, lateAt);
  }

  private void admit(Meeting host, LobbyGuest guest) throws SealmeetException {
    host.admit(guest.account());
    Meeting joined = guest.poll().orElseThrow(() -> new IllegalStateException("no Welcome"));
    members.put(guest.account(), joined);
    pollAll();
    note(host, "host admits " + guest.account() + " from the lobby");
  }

  private void note(Meeting host, String what) {
    StringBuilder roster = new StringBuilder();
    host.roster().forEach((leaf, id) -> roster.append(roster.length() == 0 ? "" : ", ")
        .append(leaf).append('=').append(id.account()));
    timeline.add(new Line(host.epoch(), what + "; roster (verified): " + roster,
        host.securityCode()));
  }

  private void pollAll() {
    for (Map.Entry<String, Meeting> e : members.entrySet()) {
      for (ReceivedFrame frame : e.getValue().poll()) {
        long id = ByteBuffer.wrap(frame.payload()).getLong();
        decrypted.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(id);
      }
    }
  }

  /** {@code s} seconds of audio (50/s, 60-160 B) and video (30/s, 1-16 KiB, 100 KiB key frames). */
  private void media(double s) throws SealmeetException {
    int audio = (int) Math.round(50 * s);
    int video = (int) Math.round(30 * s);
    for (int t = 0; t < Math.max(audio, video); t++) {
      for (Map.Entry<String, Meeting> e : members.entrySet()) {
        if (t < audio) {
          send(e.getKey(), e.getValue(), MediaFrame.Kind.AUDIO, 60 + random.nextInt(101));
        }
        if (t < video) {
          int size = t % 30 == 0 ? 100 * 1024 : 1024 + random.nextInt(15 * 1024 + 1);
          send(e.getKey(), e.getValue(), MediaFrame.Kind.VIDEO, size);
        }
      }
      if (t % 10 == 9) {
        pollAll();
      }
    }
    pollAll();
  }

  private void send(String account, Meeting m, MediaFrame.Kind kind, int size)
      throws SealmeetException {
    byte[] payload = new byte[size];
    random.nextBytes(payload);
    long id = nextFrameId++;
    ByteBuffer.wrap(payload).putLong(id);
    m.send(kind, payload);
    long sequence = relay.recorded(m.id()).size();
    sent.add(new Sent(sequence, id, account, new HashSet<>(members.keySet())));
  }

  private void prove(String removed, long removedAt, String waited, long admittedAt,
      long lateAt) {
    Map<Long, byte[]> frameBytes = new HashMap<>();
    List<Envelope> log = relay.recorded(members.get("host").id());
    for (Envelope e : log) {
      if (e.hasMedia()) {
        byte[] sframe = e.getMedia().getSframe().toByteArray();
        frameBytes.put(e.getSequence(), sframe);
        bytes += sframe.length;
      }
    }
    frames = frameBytes.size();
    int relayKeys = keysHeld.getOrDefault("relay", List.of()).size();
    proofs.add(new Proof("The relay decrypted 0 of " + frames + " frames", relayKeys == 0,
        "it held " + relayKeys + " keys; it recorded " + frames + " frames, " + bytes
        + " bytes"));
    proofs.add(attack("The removed member decrypted 0 frames sent after its removal", removed,
        s -> s.sequence() > removedAt, frameBytes));
    proofs.add(attack("The lobby guest decrypted 0 frames before admission", waited,
        s -> s.sequence() < admittedAt, frameBytes));
    proofs.add(attack("The latecomer decrypted 0 frames from before it joined", "latecomer",
        s -> s.sequence() < lateAt, frameBytes));
    long expected = 0;
    long got = 0;
    List<String> short_ = new ArrayList<>();
    for (Sent s : sent) {
      for (String member : s.membersAtSend()) {
        if (member.equals(s.sender())) {
          continue;
        }
        expected++;
        if (decrypted.getOrDefault(member, Set.of()).contains(s.id())) {
          got++;
        } else if (short_.size() < 3) {
          short_.add(member + " missed frame " + s.id());
        }
      }
    }
    proofs.add(new Proof("Every member decrypted 100% of the frames sent while it was in",
        got == expected, got + " of " + expected + " deliveries" + (short_.isEmpty() ? ""
        : "; " + short_)));
    boolean same = true;
    int epochs = 0;
    Map<Long, Set<String>> codes = new HashMap<>();
    for (Meeting m : members.values()) {
      m.securityCodes().forEach((epoch, code) ->
          codes.computeIfAbsent(epoch, k -> new HashSet<>()).add(code));
    }
    for (Set<String> c : codes.values()) {
      same &= c.size() == 1;
      epochs++;
    }
    proofs.add(new Proof("Every member showed the same security code in each epoch", same,
        epochs + " epochs compared"));
  }

  private Proof attack(String name, String account, java.util.function.Predicate<Sent> which,
      Map<Long, byte[]> frameBytes) {
    List<Map.Entry<Long, byte[]>> keys = keysHeld.getOrDefault(account, List.of());
    long tried = 0;
    long opened = 0;
    for (Sent s : sent) {
      if (!which.test(s) || s.sender().equals(account)) {
        continue;
      }
      byte[] frame = frameBytes.get(s.sequence());
      tried++;
      for (Map.Entry<Long, byte[]> key : keys) {
        if (opens(frame, key.getValue())) {
          opened++;
          break;
        }
      }
    }
    return new Proof(name, opened == 0 && tried > 0, account + " held " + keys.size()
        + " epoch keys; each tried on " + tried + " frames: " + opened + " decrypted");
  }

  private static boolean opens(byte[] frame, byte[] baseKey) {
    try (SframeReceiver receiver = new SframeReceiver(
        dev.sealmeet.sframe.SframeSuite.AES_128_GCM_SHA256_128)) {
      long kid = SframeHeader.decode(ByteBuffer.wrap(frame)).kid();
      receiver.addKey(kid, Secret.copyOf(baseKey));
      receiver.unprotect(null, frame);
      return true;
    } catch (SealmeetException e) {
      return false;
    }
  }

  /** Events the host merged, for the JSON timeline. */
  static String kind(RosterEvent.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
