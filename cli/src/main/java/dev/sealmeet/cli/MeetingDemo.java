package dev.sealmeet.cli;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.Invitation;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingListener;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.MeetingRuntime;
import dev.sealmeet.meeting.RosterEvent;
import dev.sealmeet.meeting.StorageException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The whole meeting of {@code sealmeet demo}: a host, lobby guests, media through an untrusted
 * relay, a removal, a leave, an update, a restart, a latecomer and a member forging frames under
 * the host's KID (caught by sender authentication, spec §2.7); then the proofs ({@link
 * DemoProofs}), each trying every key each party ever held (copies handed out by {@link
 * dev.sealmeet.meeting.KeyAudit}).
 *
 * <p>Time is virtual, in 1 ms steps, and every delay is seeded: media reaches each receiver through
 * the {@link MediaRelay} in {@link #MEDIA_MIN_MS}–{@link #MEDIA_MAX_MS} ms, handshakes reach each
 * member through the {@link SignallingNetwork} in {@link #SIGNAL_MIN_MS}–{@link #SIGNAL_MAX_MS} ms,
 * so frames under a new epoch often arrive before the commit that makes it: the receivers hold them
 * and release them when the commit comes ({@link dev.sealmeet.meeting.MediaTransitions}).
 *
 * <p>The parties run in this JVM ({@link LocalParty}) unless a {@link Parties} factory is given:
 * {@code demo --network} runs each in a process of its own ({@link NetworkDemo}).
 */
final class MeetingDemo {
  static final long MEDIA_MIN_MS = 5;
  static final long MEDIA_MAX_MS = 20;
  static final long SIGNAL_MIN_MS = 30;
  static final long SIGNAL_MAX_MS = 150;
  static final long MS = 1_000_000L;
  /** The frames the forging member sends under the host's KID. */
  static final int FORGED_FRAMES = 12;

  /** One proof: its statement, whether it held, and the numbers behind it. */
  record Proof(String name, boolean passed, String detail) {}

  /** A line of the timeline. */
  record Line(long epoch, String event, String securityCode) {}

  /** Frames of one epoch delivered to members at another epoch, and how many of them were lost. */
  record Crossing(long frameEpoch, long crossed, long lost) {}

  /** Makes the party of {@code account}, whose calls happen at virtual time {@code now}. */
  @FunctionalInterface
  interface Parties {
    DemoParty party(String account, LongSupplier now) throws SealmeetException;
  }

  final DemoProofs record = new DemoProofs();
  final List<Proof> proofs = record.proofs;
  final List<Line> timeline = new ArrayList<>();
  final List<Crossing> crossings = record.crossings;
  long frames;
  long bytes;
  long held;
  long released;

  private final int participants;
  private final double seconds;
  private final Random random = new Random(1);
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final Map<String, DemoParty> members = new LinkedHashMap<>();
  private final Map<String, DemoParty.Sent> lastSent = new HashMap<>();
  private final MediaRelay relay = new MediaRelay(random, MEDIA_MIN_MS * MS, MEDIA_MAX_MS * MS);
  private MlsSuite suite;
  private InMemoryDeliveryService ds;
  private SignallingNetwork network;
  private long now = 1_000 * MS;
  private long step;
  private long nextFrameId;

  private final int suiteId;
  private final SuiteRegistry registry;
  private final Parties parties;
  /** The member that restarts mid-meeting and resumes from its encrypted store. */
  static final String RESTARTER = "guest3";
  private final Map<String, SigningIdentity> identities = new HashMap<>();
  private Path stateDir;
  private long resumedAt = Long.MAX_VALUE;

  MeetingDemo(int participants, double seconds) {
    this(participants, seconds, 1, SuiteRegistry.rfc9420());
  }

  /** A demo whose meeting is in MLS suite {@code suiteId} of {@code registry}. */
  MeetingDemo(int participants, double seconds, int suiteId, SuiteRegistry registry) {
    this(participants, seconds, suiteId, registry, null);
  }

  /** A demo whose parties {@code parties} makes ({@code null}: in this JVM). */
  MeetingDemo(int participants, double seconds, int suiteId, SuiteRegistry registry,
      Parties parties) {
    this.participants = participants;
    this.seconds = seconds;
    this.suiteId = suiteId;
    this.registry = registry;
    this.parties = parties;
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
        .withNanoTime(() -> now).withAudit(record::keyInstalled)
        .withRuntime(MeetingRuntime.defaults().withListener(new MeetingListener() {
          @Override
          public void frameForged(Meeting meeting, ForgedFrame forged) {
            record.forged(account, forged);
          }
        }));
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

  private DemoParty party(String account) throws SealmeetException {
    if (parties != null) {
      return parties.party(account, () -> now);
    }
    return new LocalParty(account, () -> client(account), network.viewFor(account),
        m -> m.epoch() == ds.epoch(m.id()));
  }

  private void runIn() throws SealmeetException {
    suite = MlsSuite.of(suiteId, registry, new SecureRandom());
    if (parties == null) {
      ds = new InMemoryDeliveryService(suite);
      network = new SignallingNetwork(ds, () -> now, random, SIGNAL_MIN_MS * MS,
          SIGNAL_MAX_MS * MS);
    }
    DemoParty host = party("host");
    host.open();
    join(host);
    note(host, "host opens the meeting");
    int guests = Math.max(3, participants - 1);
    List<DemoParty> lobby = new ArrayList<>();
    for (int i = 1; i <= guests; i++) {
      lobby.add(enter("guest" + i, host));
    }
    DemoParty latecomer = enter("latecomer", host);
    timeline.add(new Line(host.epoch(), guests + 1 + " guests wait in the lobby",
        host.securityCode()));
    double phase = seconds / 6;
    // The last guest waits in the lobby while media flows: the lobby-guest proof attacks it.
    for (int i = 0; i < guests - 1; i++) {
      admit(host, lobby.get(i));
      media(0.2); // a host admits people one by one, not within one signalling delay
    }
    media(phase);
    DemoParty waited = lobby.get(guests - 1);
    long admittedAt = nextFrameId;
    admit(host, waited);
    media(phase);
    String removed = "guest1";
    settle(host);
    long removedEpoch = host.epoch();
    host.remove(removed);
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
    DemoParty restarter = members.get(RESTARTER);
    while (!restarter.sendsNewest()) {
      media(0.01); // its send delay: the restart comes once it has used the newest epoch's CTRs
    }
    media(0.1);
    restart(restarter);
    note(host, RESTARTER + " restarts and resumes from its encrypted store");
    media(phase / 2);
    long lateAt = nextFrameId;
    admit(host, latecomer);
    media(phase);
    drain();
    forge(waited, host);
    prove(removed, removedEpoch, waited.account(), admittedAt, lateAt);
  }

  private DemoParty enter(String account, DemoParty host) throws SealmeetException {
    DemoParty guest = party(account);
    Invitation invitation = host.invitation();
    guest.enter(invitation);
    return guest;
  }

  /**
   * {@code party}'s process dies (its objects are dropped, nothing closed) and a new one resumes
   * the meeting from the store with the same identity.
   */
  private void restart(DemoParty party) throws SealmeetException {
    record.formerEpochs.put(party.account(), new HashSet<>(party.securityCodes().keySet()));
    collectKeys(party);
    party.restart();
    resumedAt = nextFrameId;
    record.resumedEpoch = party.epoch();
  }

  private void join(DemoParty party) {
    members.put(party.account(), party);
    relay.connect(party.account());
  }

  private void admit(DemoParty host, DemoParty guest) throws SealmeetException {
    settle(host);
    host.admit(guest.account());
    while (!guest.joined()) {
      tick(true);
    }
    join(guest);
    note(host, "host admits " + guest.account() + " from the lobby");
  }

  /** Lets {@code m} catch up with the log before it commits (else its commit would be stale). */
  private void settle(DemoParty m) throws SealmeetException {
    while (!m.caughtUp()) {
      tick(true);
    }
  }

  private void leave(String account) throws SealmeetException {
    DemoParty gone = members.remove(account);
    record.epochsOf.put(account, new HashSet<>(gone.securityCodes().keySet()));
    collectKeys(gone);
    gone.close();
  }

  private void collectKeys(DemoParty party) throws SealmeetException {
    for (Map.Entry<Long, byte[]> key : party.drainKeys()) {
      record.keyInstalled(party.account(), key.getKey(), key.getValue());
    }
    for (ForgedFrame forged : party.drainForged()) {
      record.forged(party.account(), forged);
    }
  }

  /**
   * {@code forger}, a member, sends {@value #FORGED_FRAMES} frames under {@code victim}'s send KID
   * through the relay, with the epoch's base key it holds like every member (RFC 9605 §9.2) and
   * CTRs above any the victim used (so no honest frame of the victim is refused as a replay);
   * then the demo waits past the deadline of sender authentication (spec §2.7), in which the
   * receivers report them.
   */
  private void forge(DemoParty forger, DemoParty victim) throws SealmeetException {
    collectKeys(forger);
    DemoParty.Sent last = lastSent.get(victim.account());
    long kid = SframeHeader.peekKid(ByteBuffer.wrap(last.sframe()));
    long ctr = SframeHeader.peekCtr(ByteBuffer.wrap(last.sframe())) + (1L << 16);
    byte[] baseKey = record.keysHeld.getOrDefault(forger.account(), List.of()).stream()
        .filter(k -> k.getKey() == last.epoch()).reduce((a, b) -> b).orElseThrow(
            () -> new IllegalStateException(forger.account() + " holds no key of the epoch"))
        .getValue();
    record.victim = victim.account();
    try (SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128)) {
      sender.addKey(kid, Secret.copyOf(baseKey), ctr);
      for (int i = 0; i < FORGED_FRAMES; i++) {
        byte[] payload = new byte[60 + random.nextInt(101)];
        random.nextBytes(payload);
        long id = nextFrameId++;
        ByteBuffer.wrap(payload).putLong(id);
        byte[] sframe = sender.protect(kid, null, payload);
        record.forgedFrames.put(id, new long[] {kid, ctr + i});
        relay.send(new MediaRelay.Frame(id, forger.account(), last.epoch(), sframe), now);
        for (int t = 0; t < 20; t++) {
          tick(false);
        }
      }
    }
    long pastDeadline = dev.sealmeet.sframe.auth.SenderAuthParams.defaults().deadline().toMillis()
        + 500;
    for (long i = 0; i < pastDeadline; i++) { // past the deadline of the last forged frame
      tick(false);
    }
  }

  private void note(DemoParty host, String what) throws SealmeetException {
    timeline.add(new Line(host.epoch(), what + "; roster (verified): " + host.roster(),
        host.securityCode()));
  }

  /** {@code s} seconds of audio (50/s, 60-160 B) and video (30/s, 1-16 KiB, 100 KiB key frames). */
  private void media(double s) throws SealmeetException {
    long steps = Math.round(s * 1000);
    for (long i = 0; i < steps; i++) {
      tick(true);
    }
  }

  /** One virtual millisecond: due frames delivered, frames sent, members polled. */
  private void tick(boolean send) throws SealmeetException {
    now += MS;
    step++;
    for (MediaRelay.Delivery d : relay.due(now)) {
      deliver(d);
    }
    if (send) {
      for (Map.Entry<String, DemoParty> e : members.entrySet()) {
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
      for (Map.Entry<String, DemoParty> e : members.entrySet()) {
        e.getValue().poll().forEach(id -> record.decrypted(e.getKey(), id));
      }
    }
  }

  /** A second without new frames, so every frame in flight arrives and held frames come out. */
  private void drain() throws SealmeetException {
    for (int i = 0; i < 1000; i++) {
      tick(false);
    }
  }

  private void send(String account, DemoParty m, int size) throws SealmeetException {
    if (!m.canSend()) {
      return;
    }
    byte[] payload = new byte[size];
    random.nextBytes(payload);
    long id = nextFrameId++;
    ByteBuffer.wrap(payload).putLong(id);
    DemoParty.Sent sent = m.protect(payload);
    lastSent.put(account, sent);
    record.nonces.sent(sent.epoch(), sent.sframe());
    relay.send(new MediaRelay.Frame(id, account, sent.epoch(), sent.sframe()), now);
  }

  private void deliver(MediaRelay.Delivery d) throws SealmeetException {
    DemoParty to = members.get(d.to());
    if (to == null) {
      return;
    }
    DemoParty.Received r = to.deliver(d.frame().from(), d.frame().sframe());
    if (!r.active()) {
      return;
    }
    if (record.forgedFrames.containsKey(d.frame().id())) { // not a frame the proofs expect
      if (r.decrypted().contains(d.frame().id())) {
        record.forgedDecryptedBy.computeIfAbsent(d.frame().id(), k -> new HashSet<>())
            .add(d.to());
      }
      return;
    }
    record.deliveries.add(new DemoProofs.Delivery(d.frame().id(), d.to(), d.frame().epoch(),
        r.epoch(), r.senderKnown()));
    r.decrypted().forEach(id -> record.decrypted(d.to(), id));
  }

  private void prove(String removed, long removedEpoch, String waited, long admittedAt,
      long lateAt) throws SealmeetException {
    Map<String, Map<Long, String>> codes = new LinkedHashMap<>();
    long[] stats = new long[2];
    for (DemoParty m : members.values()) {
      codes.put(m.account(), m.securityCodes());
      long[] s = m.mediaStats();
      stats[0] += s[0];
      stats[1] += s[1];
      collectKeys(m);
    }
    record.prove(relay.recorded, codes, stats, removed, removedEpoch, waited, admittedAt, lateAt,
        RESTARTER, resumedAt, new java.util.TreeSet<>(record.epochsOf.keySet()));
    frames = record.frames;
    bytes = record.bytes;
    held = record.held;
    released = record.released;
  }

  /** Every frame the relay forwarded (its view, for the proofs). */
  List<MediaRelay.Frame> recorded() {
    return relay.recorded;
  }

  /** Events the host merged, for the JSON timeline. */
  static String kind(RosterEvent.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
