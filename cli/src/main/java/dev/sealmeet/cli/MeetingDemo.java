package dev.sealmeet.cli;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.MediaStats;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.RosterEvent;
import dev.sealmeet.meeting.StorageException;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.store.EmbeddedStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The whole meeting of {@code sealmeet demo}: a host, lobby guests, media through an untrusted
 * relay, a removal, a leave, an update and a latecomer; then the proofs, each trying every key each
 * party ever held (copies handed out by {@link dev.sealmeet.meeting.KeyAudit}).
 *
 * <p>Time is virtual, in 1 ms steps, and every delay is seeded: media reaches each receiver through
 * the {@link MediaRelay} in {@link #MEDIA_MIN_MS}–{@link #MEDIA_MAX_MS} ms, handshakes reach each
 * member through the {@link SignallingNetwork} in {@link #SIGNAL_MIN_MS}–{@link #SIGNAL_MAX_MS} ms,
 * so frames under a new epoch often arrive before the commit that makes it: the receivers hold them
 * and release them when the commit comes ({@link dev.sealmeet.meeting.MediaTransitions}).
 */
final class MeetingDemo {
  static final long MEDIA_MIN_MS = 5;
  static final long MEDIA_MAX_MS = 20;
  static final long SIGNAL_MIN_MS = 30;
  static final long SIGNAL_MAX_MS = 150;
  private static final long MS = 1_000_000L;

  /** One proof: its statement, whether it held, and the numbers behind it. */
  record Proof(String name, boolean passed, String detail) {}

  /** A line of the timeline. */
  record Line(long epoch, String event, String securityCode) {}

  /** Frames of one epoch delivered to members at another epoch, and how many of them were lost. */
  record Crossing(long frameEpoch, long crossed, long lost) {}

  /** One delivery by the relay: whether the receiver still knew the sender, and its epoch then. */
  private record Delivery(long id, String to, long frameEpoch, long receiverEpoch,
      boolean senderKnown) {}

  final List<Proof> proofs = new ArrayList<>();
  final List<Line> timeline = new ArrayList<>();
  final List<Crossing> crossings = new ArrayList<>();
  long frames;
  long bytes;
  long held;
  long released;

  private final int participants;
  private final double seconds;
  private final Random random = new Random(1);
  private final Map<String, List<Map.Entry<Long, byte[]>>> keysHeld = new ConcurrentHashMap<>();
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> decrypted = new HashMap<>();
  private final Map<String, Set<Long>> epochsOf = new HashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Map<String, Meeting> members = new LinkedHashMap<>();
  private final MediaRelay relay = new MediaRelay(random, MEDIA_MIN_MS * MS, MEDIA_MAX_MS * MS);
  private MlsSuite suite;
  private InMemoryDeliveryService ds;
  private SignallingNetwork network;
  private long now = 1_000 * MS;
  private long step;
  private long nextFrameId;

  private final int suiteId;
  private final SuiteRegistry registry;
  /** The member that restarts mid-meeting and resumes from its encrypted store. */
  static final String RESTARTER = "guest3";
  private final Map<String, SigningIdentity> identities = new HashMap<>();
  private final NonceLedger nonces = new NonceLedger();
  private final Map<String, Set<Long>> formerEpochs = new HashMap<>();
  private Path stateDir;
  private long resumedAt = Long.MAX_VALUE;

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

  private MeetingClient client(String account) throws StorageException {
    SigningIdentity identity = identities.computeIfAbsent(account, a -> SigningIdentity.generate(
        suite, new BasicCredential(a.getBytes(StandardCharsets.UTF_8))));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    MeetingOptions options = MeetingOptions.defaults().withMlsSuites(registry)
        .withNanoTime(() -> now)
        .withAudit((who, epoch, key) ->
            keysHeld.computeIfAbsent(who, w -> new ArrayList<>()).add(Map.entry(epoch, key)));
    if (account.equals(RESTARTER)) { // sealed with Tink; its key in a separate directory
      options = options.withRuntime(options.runtime().withStore(EmbeddedStore.open(stateDir)));
    }
    return new MeetingClient(account, identity, suite, verifier, options);
  }

  void run() throws SealmeetException {
    try {
      stateDir = Files.createTempDirectory("sealmeet-demo-state");
      runIn();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      DemoStateDirectory.delete(stateDir);
    }
  }

  private void runIn() throws SealmeetException {
    suite = MlsSuite.of(suiteId, registry, new SecureRandom());
    ds = new InMemoryDeliveryService(suite);
    network = new SignallingNetwork(ds, () -> now, random, SIGNAL_MIN_MS * MS, SIGNAL_MAX_MS * MS);
    Meeting host = Meeting.open(client("host"), network.viewFor("host"));
    join("host", host);
    note(host, "host opens the meeting");
    int guests = Math.max(3, participants - 1);
    List<LobbyGuest> lobby = new ArrayList<>();
    for (int i = 1; i <= guests; i++) {
      lobby.add(enter("guest" + i, host));
    }
    LobbyGuest latecomer = enter("latecomer", host);
    timeline.add(new Line(host.epoch(), guests + 1 + " guests wait in the lobby", host
        .securityCode()));
    double phase = seconds / 6;
    // The last guest waits in the lobby while media flows: the lobby-guest proof attacks it.
    for (int i = 0; i < guests - 1; i++) {
      admit(host, lobby.get(i));
      media(0.2); // a host admits people one by one, not within one signalling delay
    }
    media(phase);
    LobbyGuest waited = lobby.get(guests - 1);
    long admittedAt = nextFrameId;
    admit(host, waited);
    media(phase);
    String removed = "guest1";
    settle(host);
    long removedEpoch = host.epoch();
    host.remove(host.leafOf(removed).getAsLong());
    relay.disconnect(removed); // the relay follows the roster: no frame to or from it any more
    note(host, "host removes " + removed);
    media(0.3);
    leave(removed);
    media(phase);
    String leaver = "guest2";
    settle(members.get(leaver));
    members.get(leaver).leave();
    while (!host.commitPending()) {
      media(0.01);
    }
    relay.disconnect(leaver);
    note(host, leaver + " leaves (self-remove committed by host)");
    media(0.3);
    leave(leaver);
    media(phase);
    String updater = "guest3";
    settle(members.get(updater));
    members.get(updater).update();
    media(0.3);
    note(host, updater + " updates its keys (no roster change: senders switch after a delay)");
    MediaProtector restarterMedia = members.get(RESTARTER).media();
    while (sendEpoch(restarterMedia) != restarterMedia.currentEpoch().getAsLong()) {
      media(0.01); // its send delay: the restart comes once it has used the newest epoch's CTRs
    }
    media(0.1);
    restart(RESTARTER);
    note(host, RESTARTER + " restarts and resumes from its encrypted store");
    media(phase / 2);
    long lateAt = nextFrameId;
    admit(host, latecomer);
    media(phase);
    drain();
    prove(removed, removedEpoch, waited.account(), admittedAt, lateAt);
  }

  private LobbyGuest enter(String account, Meeting host) throws SealmeetException {
    return LobbyGuest.enter(client(account), network.viewFor(account), host.invitation());
  }

  /**
   * {@code account}'s process dies (its objects are dropped, nothing closed) and a new one resumes
   * the meeting from the store with the same identity.
   */
  private void restart(String account) throws SealmeetException {
    Meeting before = members.get(account);
    formerEpochs.put(account, new HashSet<>(before.securityCodes().keySet()));
    Meeting resumed = Meeting.resume(client(account), network.viewFor(account), before.id());
    members.put(account, resumed);
    resumedAt = nextFrameId;
  }

  private void join(String account, Meeting meeting) {
    members.put(account, meeting);
    relay.connect(account);
  }

  private void admit(Meeting host, LobbyGuest guest) throws SealmeetException {
    settle(host);
    host.admit(guest.account());
    Optional<Meeting> joined = guest.poll();
    while (joined.isEmpty()) {
      tick(true);
      joined = guest.poll();
    }
    join(guest.account(), joined.get());
    note(host, "host admits " + guest.account() + " from the lobby");
  }

  /** The demo's delivery service is in-process: a failed call is a bug, not the network. */
  private static List<ReceivedFrame> poll(Meeting m) {
    try {
      return m.poll();
    } catch (TransportException | StorageException e) {
      throw new IllegalStateException("the in-process delivery service or store failed", e);
    }
  }

  /** Lets {@code m} catch up with the log before it commits (else its commit would be stale). */
  private void settle(Meeting m) {
    while (m.epoch() != ds.epoch(m.id())) {
      tick(true);
    }
  }

  private void leave(String account) {
    Meeting gone = members.remove(account);
    epochsOf.put(account, new HashSet<>(gone.securityCodes().keySet()));
    gone.close();
  }

  private void note(Meeting host, String what) {
    StringBuilder roster = new StringBuilder();
    host.roster().forEach((leaf, id) -> roster.append(roster.length() == 0 ? "" : ", ")
        .append(leaf).append('=').append(id.account()));
    timeline.add(new Line(host.epoch(), what + "; roster (verified): " + roster,
        host.securityCode()));
  }

  /** {@code s} seconds of audio (50/s, 60-160 B) and video (30/s, 1-16 KiB, 100 KiB key frames). */
  private void media(double s) {
    long steps = Math.round(s * 1000);
    for (long i = 0; i < steps; i++) {
      tick(true);
    }
  }

  /** One virtual millisecond: due frames delivered, frames sent, members polled. */
  private void tick(boolean send) {
    now += MS;
    step++;
    for (MediaRelay.Delivery d : relay.due(now)) {
      deliver(d);
    }
    if (send) {
      for (Map.Entry<String, Meeting> e : members.entrySet()) {
        if (step % 20 == 0) {
          send(e.getKey(), e.getValue(), 60 + random.nextInt(101));
        }
        if (step % 33 == 0) {
          boolean keyFrame = (step / 33) % 30 == 0;
          send(e.getKey(), e.getValue(),
              keyFrame ? 100 * 1024 : 1024 + random.nextInt(15 * 1024 + 1));
        }
      }
    }
    if (step % 5 == 0) {
      for (Map.Entry<String, Meeting> e : members.entrySet()) {
        poll(e.getValue()).forEach(f -> decrypted(e.getKey(), f));
      }
    }
  }

  /** A second without new frames, so every frame in flight arrives and held frames come out. */
  private void drain() {
    for (int i = 0; i < 1000; i++) {
      tick(false);
    }
  }

  private void send(String account, Meeting m, int size) {
    MediaProtector media = m.media();
    if (m.status() != Meeting.Status.ACTIVE || !media.canSend()) {
      return;
    }
    byte[] payload = new byte[size];
    random.nextBytes(payload);
    long id = nextFrameId++;
    ByteBuffer.wrap(payload).putLong(id);
    byte[] sframe = media.protect(null, payload);
    nonces.sent(sendEpoch(media), sframe);
    relay.send(new MediaRelay.Frame(id, account, sendEpoch(media), sframe), now);
  }

  /** The epoch whose key the send KID names: the newest, or an earlier one during a delay. */
  private static long sendEpoch(MediaProtector media) {
    int slot = media.layout().epochSlotOf(media.sendKid());
    long epoch = media.currentEpoch().getAsLong();
    while (media.layout().epochSlot(epoch) != slot) {
      epoch--;
    }
    return epoch;
  }

  private void deliver(MediaRelay.Delivery d) {
    Meeting to = members.get(d.to());
    if (to == null || to.status() != Meeting.Status.ACTIVE) {
      return;
    }
    deliveries.add(new Delivery(d.frame().id(), d.to(), d.frame().epoch(), to.epoch(),
        to.leafOf(d.frame().from()).isPresent()));
    try {
      to.media().receive(null, d.frame().sframe()).ifPresent(f -> decrypted(d.to(), f));
    } catch (SealmeetException refused) {
      // Counted below: a delivery that was due to decrypt and did not is a lost frame.
    }
  }

  private void decrypted(String account, ReceivedFrame frame) {
    decrypted.computeIfAbsent(account, k -> new HashSet<>())
        .add(ByteBuffer.wrap(frame.payload()).getLong());
  }

  private void prove(String removed, long removedEpoch, String waited, long admittedAt,
      long lateAt) {
    Map<Long, MediaRelay.Frame> byId = new HashMap<>();
    for (MediaRelay.Frame f : relay.recorded) {
      byId.put(f.id(), f);
      bytes += f.sframe().length;
    }
    frames = byId.size();
    for (Meeting m : members.values()) {
      epochsOf.put(m.account(), new HashSet<>(m.securityCodes().keySet()));
      epochsOf.get(m.account()).addAll(formerEpochs.getOrDefault(m.account(), Set.of()));
      MediaStats stats = m.media().stats();
      held += stats.held();
      released += stats.released();
    }
    int relayKeys = keysHeld.getOrDefault("relay", List.of()).size();
    proofs.add(new Proof("The relay decrypted 0 of " + frames + " frames", relayKeys == 0,
        "it held " + relayKeys + " keys; it recorded " + frames + " frames, " + bytes
        + " bytes"));
    proofs.add(attack("The removed member decrypted 0 frames sent under the epochs after its "
        + "removal", removed, f -> f.epoch() > removedEpoch, byId));
    proofs.add(attack("The lobby guest decrypted 0 frames before admission", waited,
        f -> f.id() < admittedAt, byId));
    proofs.add(attack("The latecomer decrypted 0 frames from before it joined", "latecomer",
        f -> f.id() < lateAt, byId));
    long expected = 0;
    long got = 0;
    Map<Long, long[]> crossed = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (Delivery d : deliveries) {
      // Due to decrypt: the receiver was in the frame's epoch and still counted the sender in.
      if (!d.senderKnown() || !epochsOf.getOrDefault(d.to(), Set.of()).contains(d.frameEpoch())) {
        continue;
      }
      expected++;
      boolean ok = decrypted.getOrDefault(d.to(), Set.of()).contains(d.id());
      got += ok ? 1 : 0;
      if (!ok && missed.size() < 3) {
        missed.add(d.to() + " missed frame " + d.id());
      }
      if (d.receiverEpoch() != d.frameEpoch()) {
        long[] c = crossed.computeIfAbsent(d.frameEpoch(), e -> new long[2]);
        c[0]++;
        c[1] += ok ? 0 : 1;
      }
    }
    crossed.forEach((epoch, c) -> crossings.add(new Crossing(epoch, c[0], c[1])));
    proofs.add(resumeProof(byId));
    proofs.add(new Proof("Every member decrypted 100% of the frames sent while it was in",
        got == expected, got + " of " + expected + " deliveries in the frame's epoch; " + held
        + " held for a commit not yet arrived, " + released + " released"
        + (missed.isEmpty() ? "" : "; " + missed)));
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

  /** After the restart, the resumed member's frames all decrypt; no (key, nonce) pair twice. */
  private Proof resumeProof(Map<Long, MediaRelay.Frame> byId) {
    long due = 0;
    long opened = 0;
    for (Delivery d : deliveries) {
      MediaRelay.Frame f = byId.get(d.id());
      if (f == null || !f.from().equals(RESTARTER) || d.id() < resumedAt || !d.senderKnown()
          || !epochsOf.getOrDefault(d.to(), Set.of()).contains(d.frameEpoch())) {
        continue;
      }
      due++;
      opened += decrypted.getOrDefault(d.to(), Set.of()).contains(d.id()) ? 1 : 0;
    }
    return new Proof(RESTARTER + " resumed from its encrypted store: every frame it sent after"
        + " the restart decrypted, and no nonce was used twice",
        due > 0 && opened == due && nonces.repeated() == 0, opened + " of " + due
        + " deliveries decrypted; " + nonces.repeated() + " repeated (key, nonce) pairs in "
        + nonces.frames() + " frames sent");
  }

  private Proof attack(String name, String account, Predicate<MediaRelay.Frame> which,
      Map<Long, MediaRelay.Frame> byId) {
    List<Map.Entry<Long, byte[]>> keys = keysHeld.getOrDefault(account, List.of());
    long tried = 0;
    long opened = 0;
    for (MediaRelay.Frame f : byId.values()) {
      if (!which.test(f) || f.from().equals(account)) {
        continue;
      }
      tried++;
      for (Map.Entry<Long, byte[]> key : keys) {
        if (opens(f.sframe(), key.getValue())) {
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
