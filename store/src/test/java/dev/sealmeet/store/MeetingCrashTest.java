package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingRule;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.MeetingRuntime;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.Stall;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.sframe.SframeHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: member "ann" lives in child JVMs that are killed with SIGKILL at random points (in
 * startup, in resume, inside state writes, between a commit being accepted and merged) and each
 * time resume from her {@link EmbeddedStore}. The relay records every frame: across the run no
 * (KID, CTR) appears twice (E = 16, so the KID carries the epoch: one key per KID), the host
 * never rejects anything nor stalls, no commit is lost, ann ends on the host's epoch and
 * security code, and every life that ran long enough decrypted again. {@code
 * -Dsealmeet.crashSeed} replays a run's schedule; {@code -Dsealmeet.crashKills} sets the kills.
 */
class MeetingCrashTest {
  private static final int KILLS = Integer.getInteger("sealmeet.crashKills", 20);
  /** A life that ran this long after catching up must have decrypted a frame. */
  private static final long DECRYPT_BOUND_MILLIS = 600;
  /** Mean control-thread ticks (about 3 ms each) between the host's updates. */
  private static final int HOST_UPDATE_EVERY = 250;
  /** Mean frames between ann's updates. */
  private static final int UPDATE_EVERY = 40;

  /** One SFrame the relay received: its header, and the epoch it decrypted in, or -1. */
  private record Received(long kid, long ctr, long epoch) {}

  /** What one life printed. */
  private record Life(long frames, long resumed, long caughtUp, long caughtUpAt,
      List<long[]> decrypted, int commits, long killedAt) {}

  private final Queue<Received> frames = new ConcurrentLinkedQueue<>();
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong frameCount = new AtomicLong();
  /** Frames the host held for an epoch not installed yet, then decrypted. */
  private final AtomicLong released = new AtomicLong();
  private volatile Meeting host;

  @Test
  void annKilledAtRandom_resumesWithoutNonceReuseForkOrLostCommit(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("sealmeet.crashSeed", new SecureRandom().nextLong());
    System.out.println("MeetingCrashTest seed " + seed + " (replay: -Dsealmeet.crashSeed=" + seed
        + "), kills " + KILLS);
    Random random = new Random(seed);
    MlsSuite suite = MeetingCrashChild.suite();
    InMemoryDeliveryService ds = new InMemoryDeliveryService(suite);
    Map<String, byte[]> keys = new HashMap<>();
    SigningIdentity hostIdentity = identity(suite, "host", keys);
    SigningIdentity annIdentity = identity(suite, MeetingCrashChild.ACCOUNT, keys);
    IdentityVerifier verifier = IdentityVerifier.basicBoundTo(keys);
    host = Meeting.open(new MeetingClient("host", hostIdentity, suite, verifier,
        MeetingCrashChild.options(MeetingRuntime.defaults())), ds);
    MeetingCrashChild.Setup setup =
        new MeetingCrashChild.Setup(host.id(), keys, annIdentity.exportSecret(suite));
    setup.write(dir);
    admitAnn(setup, ds, dir); // her objects are dropped here, never closed
    long firstEpoch = host.epoch();

    List<Life> lives = new ArrayList<>();
    int hostCommits;
    try (CrashRelay relay = new CrashRelay(ds, this::receive)) {
      HostThread control = new HostThread(new Random(seed ^ 0x5eed));
      control.start();
      for (int life = 0; life < KILLS; life++) {
        lives.add(live(dir, relay.port(), random, life));
      }
      control.stop = true;
      control.join();
      hostCommits = control.commits;
      assertThat(relay.failures()).as("relay failures").isEmpty();
    }
    assertThat(failures).as("host control thread failures").isEmpty();

    // The last word: ann resumes in the parent, catches up and sends once more.
    Meeting ann = Meeting.resume(MeetingCrashChild.client(setup,
        EmbeddedStore.open(dir.resolve(MeetingCrashChild.STATE_DIR))), ds, host.id());
    ann.poll();
    host.poll();
    Optional<ReceivedFrame> last = receive(ann.media().protect(null, new byte[] {42}));
    List<ReceivedFrame> atAnn = new ArrayList<>(); // the host's send key may switch with a delay
    for (int i = 0; i < 100 && atAnn.stream().noneMatch(f -> f.epoch() == host.epoch()); i++) {
      host.send(MediaKind.AUDIO, new byte[] {43});
      atAnn.addAll(ann.poll());
      TimeUnit.MILLISECONDS.sleep(10);
    }

    int annCommits = lives.stream().mapToInt(Life::commits).sum();
    long maxFrames = lives.stream().mapToLong(Life::frames).max().orElse(0);
    Map<List<Long>, Received> seen = new HashMap<>();
    List<String> repeated = new ArrayList<>();
    long decrypted = 0;
    for (Received r : frames) {
      decrypted += r.epoch() >= 0 ? 1 : 0;
      Received before = seen.putIfAbsent(List.of(r.kid(), r.ctr()), r);
      if (before != null && repeated.size() < 10) {
        repeated.add(String.format("KID %d (epoch %d) CTR %d (decrypted in %d, then %d)",
            r.kid(), r.kid() & 0xffff, r.ctr(), before.epoch(), r.epoch()));
      }
    }
    long maxGap = lives.stream().mapToLong(l -> l.decrypted().stream().mapToLong(d -> d[0])
        .filter(e -> e >= l.caughtUp()).min().orElse(l.caughtUp()) - l.caughtUp()).max().orElse(0);
    System.out.printf("MeetingCrashTest summary: seed %d, kills %d, frames %d (decrypted %d, %d more after"
            + " being held), commits %d (ann %d, host %d), resumes %d, max frames per life %d,"
            + " epochs %d..%d, media from the log the last resume could not"
            + " decrypt %d, most epochs between catching up and the first live decrypt %d%n",
        seed, lives.size(), frames.size(), decrypted, released.get(), annCommits + hostCommits, annCommits,
        hostCommits, lives.stream().filter(l -> l.resumed() >= 0).count() + 1, maxFrames,
        firstEpoch, host.epoch(), ann.rejected().size(), maxGap);

    assertThat(repeated).as("(epoch, KID, CTR) received twice").isEmpty();
    assertThat(host.rejected()).as("host rejections").isEmpty();
    assertThat(host.stall()).isEmpty();
    assertThat(ann.rejected()).as("ann's rejections after the last resume, but for media of an"
        + " epoch whose keys a resumed member does not hold").allSatisfy(e ->
            assertThat(e).isInstanceOfSatisfying(MeetingRuleException.class,
                r -> assertThat(r.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH)));
    assertThat(ann.stall()).isEmpty();
    assertThat(ann.epoch()).as("ann forked from the host").isEqualTo(host.epoch());
    assertThat(ds.epoch(host.id())).isEqualTo(host.epoch());
    assertThat(ann.securityCode()).isEqualTo(host.securityCode());
    assertThat(host.epoch() - firstEpoch).as("every commit that returned is in the log")
        .isGreaterThanOrEqualTo(annCommits + hostCommits);
    assertThat(last).hasValueSatisfying(f -> assertThat(f.payload()).containsExactly((byte) 42));
    assertThat(atAnn).extracting(ReceivedFrame::epoch).contains(host.epoch());
    for (int i = 0; i < lives.size(); i++) {
      Life life = lives.get(i);
      if (life.caughtUp() >= 0 && life.killedAt() - life.caughtUpAt() >= DECRYPT_BOUND_MILLIS) {
        // Live: read after catching up. The host may still send under the epoch before (its
        // send delay after ann's commit, 1 s, is longer than the bound), which ann holds too.
        assertThat(life.decrypted()).as("life %d decrypted live media (epoch %d or later)", i,
            life.caughtUp() - 1).anySatisfy(d -> assertThat(d[0]).isGreaterThanOrEqualTo(
                life.caughtUp() - 1));
      }
    }
    assertThat(lives).as("lives that lived long enough to check decryption")
        .anySatisfy(l -> assertThat(l.killedAt() - l.caughtUpAt())
            .isGreaterThanOrEqualTo(DECRYPT_BOUND_MILLIS));
  }

  private static SigningIdentity identity(MlsSuite suite, String account,
      Map<String, byte[]> keys) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    keys.put(account, identity.signaturePublicKey());
    return identity;
  }

  /** Ann's first life, in this JVM: admitted through the lobby, saved at every change. */
  private void admitAnn(MeetingCrashChild.Setup setup, InMemoryDeliveryService ds, Path dir)
      throws Exception {
    MeetingClient ann = MeetingCrashChild.client(setup,
        EmbeddedStore.open(dir.resolve(MeetingCrashChild.STATE_DIR)));
    LobbyGuest guest = LobbyGuest.enter(ann, ds, host.invitation());
    host.admit(MeetingCrashChild.ACCOUNT);
    Meeting joined = guest.poll().orElseThrow();
    host.poll();
    assertThat(joined.securityCode()).isEqualTo(host.securityCode());
  }

  /** The relay's SFU: records the header of every frame, and the epoch of those that decrypt. */
  private Optional<ReceivedFrame> receive(byte[] sframe) {
    frameCount.incrementAndGet();
    Optional<ReceivedFrame> frame = Optional.empty();
    try {
      SframeHeader header = SframeHeader.decode(ByteBuffer.wrap(sframe));
      try {
        frame = host.media().receive(null, sframe);
      } catch (SealmeetException rejected) {
        // Recorded undecrypted: a frame of an epoch the host no longer (or not yet) holds.
      }
      frames.add(new Received(header.kid(), header.ctr(),
          frame.map(ReceivedFrame::epoch).orElse(-1L)));
    } catch (SealmeetException | RuntimeException e) {
      failures.add(e);
    }
    return frame;
  }

  /** One child life: started, killed after a delay drawn from {@code random}, its output read. */
  private Life live(Path dir, int port, Random random, int index) throws Exception {
    Path out = dir.resolve("life-" + index + ".out");
    Path err = dir.resolve("life-" + index + ".err");
    long framesBefore = frameCount.get();
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), MeetingCrashChild.class.getName(),
        dir.toString(), Integer.toString(port), Long.toString(random.nextLong()),
        Integer.toString(UPDATE_EVERY)))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int mode = random.nextInt(10);
    if (index == KILLS - 1) {
      mode = 9; // at least one life lives long enough to show it decrypts
    }
    if (mode == 0) {
      TimeUnit.MILLISECONDS.sleep(random.nextInt(1500)); // startup or resume
    } else if (mode < 7) { // killed while catching up, or soon after
      awaitLine(child, out, err, "RESUMED");
      TimeUnit.MILLISECONDS.sleep(mode < 4 ? random.nextInt(30) : 30 + random.nextInt(900));
    } else {
      // Live, counted from catching up, so that a loaded machine that is slow to catch up still
      // has lives that send and decrypt for longer than the bound.
      awaitLine(child, out, err, "CAUGHT_UP");
      TimeUnit.MILLISECONDS.sleep(DECRYPT_BOUND_MILLIS + random.nextInt(600));
    }
    if (!child.isAlive()) {
      throw new AssertionError("life " + index + " ended by itself (exit " + child.exitValue()
          + "): " + Files.readString(err));
    }
    child.destroyForcibly(); // SIGKILL
    long killedAt = System.currentTimeMillis();
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return parse(Files.readAllLines(out), frameCount.get() - framesBefore, killedAt);
  }

  private static void awaitLine(Process child, Path out, Path err, String prefix)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Files.readAllLines(out).stream().noneMatch(l -> l.startsWith(prefix))) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        child.destroyForcibly();
        throw new AssertionError("no " + prefix + " line: " + Files.readString(err));
      }
      TimeUnit.MILLISECONDS.sleep(2);
    }
  }

  private static Life parse(List<String> lines, long frames, long killedAt) {
    long resumed = -1;
    long caughtUp = -1;
    long caughtUpAt = Long.MAX_VALUE;
    int commits = 0;
    List<long[]> decrypted = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length < 2) {
        continue; // the last line, cut by the kill
      }
      switch (f[0]) {
        case "RESUMED" -> resumed = Long.parseLong(f[1]);
        case "CAUGHT_UP" -> {
          if (f.length == 3) {
            caughtUp = Long.parseLong(f[1]);
            caughtUpAt = Long.parseLong(f[2]);
          }
        }
        case "DECRYPTED" -> {
          if (f.length == 3 && caughtUp >= 0) {
            decrypted.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
          }
        }
        case "COMMITTED" -> commits++;
        default -> { }
      }
    }
    return new Life(frames, resumed, caughtUp, caughtUpAt, decrypted, commits, killedAt);
  }

  /** The host's control thread: polls every few ms, sends audio, sometimes commits. */
  private final class HostThread extends Thread {
    private final Random random;
    volatile boolean stop;
    volatile int commits;

    HostThread(Random random) {
      super("crash-host");
      this.random = random;
    }

    @Override
    public void run() {
      try {
        for (long tick = 0; !stop; tick++) {
          host.poll();
          released.addAndGet(host.media().drainReleased().size());
          Optional<Stall> stall = host.stall();
          if (stall.isPresent()) {
            failures.add(new AssertionError("host stalled: " + stall.get()));
            return;
          }
          if (tick % 8 == 0) {
            host.send(MediaKind.AUDIO, new byte[] {(byte) tick, 0x11});
          }
          if (random.nextInt(HOST_UPDATE_EVERY) == 0) {
            host.update();
            commits++;
          }
          Thread.sleep(3);
        }
      } catch (SealmeetException | RuntimeException | InterruptedException e) {
        failures.add(e);
      }
    }
  }
}
