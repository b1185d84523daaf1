package dev.sealmeet.cli;

import dev.sealmeet.ds.grpc.GrpcDeliveryService;
import dev.sealmeet.ds.grpc.RetryPolicy;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One meeting of the load test: N real {@link Meeting} members, each with its own {@link
 * GrpcDeliveryService} (members share nothing but the server), pushed to by a subscription. Its
 * members commit updates in turn, one in flight at a time (optionally a pause after each): a
 * commit's time is from the call to
 * {@link Meeting#update} to the last member having merged it. Everything that touches the
 * members runs on one {@link SerialTasks} queue.
 */
final class LoadMeeting {
  /** One member: its meeting, its client and its subscription. */
  private static final class Member {
    Meeting meeting;
    GrpcDeliveryService ds;
    Subscription subscription;
  }

  private final int index;
  private final List<String> accounts;
  private final Map<String, String> tokens;
  private final List<List<String>> targets;
  private final LoadRun run;
  private final SerialTasks tasks;
  private final List<Member> members = new ArrayList<>();
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final MlsSuite suite;
  private final ScheduledExecutorService timer;
  private final long pauseMillis;
  private long startEpoch;
  private int made;
  private long submitted;
  private long targetEpoch;
  private boolean inFlight;
  private boolean finished;

  /**
   * @param targets for each member, the node addresses it calls, in order
   * @param timer starts the next commit {@code pauseMillis} after the last one merged (if not 0)
   */
  LoadMeeting(int index, List<String> accounts, Map<String, String> tokens,
      List<List<String>> targets, LoadRun run, Executor pool, ScheduledExecutorService timer,
      long pauseMillis) throws SealmeetException {
    this.index = index;
    this.accounts = List.copyOf(accounts);
    this.tokens = tokens;
    this.targets = targets;
    this.run = run;
    this.tasks = new SerialTasks(pool);
    this.timer = timer;
    this.pauseMillis = pauseMillis;
    this.suite = MlsSuite.of(DemoCommand.REGISTRY.resolve("0x0001"), DemoCommand.REGISTRY,
        new SecureRandom());
  }

  /**
   * The host opens the meeting, the others knock and are admitted in one commit, and every
   * member subscribes from its next sequence. Runs on the calling thread.
   */
  void setUp() throws SealmeetException, IOException {
    for (int i = 0; i < accounts.size(); i++) {
      Member member = new Member();
      member.ds = connect(i);
      members.add(member);
    }
    Meeting host = Meeting.open(client(accounts.get(0)), members.get(0).ds);
    members.get(0).meeting = host;
    List<LobbyGuest> guests = new ArrayList<>();
    for (int i = 1; i < accounts.size(); i++) {
      guests.add(LobbyGuest.enter(client(accounts.get(i)), members.get(i).ds,
          host.invitation()));
    }
    if (!guests.isEmpty()) {
      host.admitAll(accounts.subList(1, accounts.size()));
    }
    for (int i = 1; i < accounts.size(); i++) {
      members.get(i).meeting = guests.get(i - 1).poll().orElseThrow(() ->
          new IllegalStateException("a guest was not admitted"));
    }
    startEpoch = host.epoch();
    for (Member member : members) {
      member.subscription = member.ds.subscribe(host.id(), member.meeting.nextSequence(),
          entry -> tasks.execute(() -> pushed(member, entry)));
    }
  }

  /**
   * Starts committing (on the pool): at once, or with a pause after a random part of it, so that
   * the meetings' commits do not come in bursts.
   */
  void start() {
    if (pauseMillis > 0) {
      timer.schedule(() -> tasks.execute(this::commit),
          java.util.concurrent.ThreadLocalRandom.current().nextLong(pauseMillis),
          TimeUnit.MILLISECONDS);
    } else {
      tasks.execute(this::commit);
    }
  }

  private void commit() {
    long now = System.nanoTime();
    if (!run.another(made, now)) {
      finish();
      return;
    }
    Member committer = members.get(made % members.size());
    submitted = now;
    inFlight = true;
    try {
      committer.meeting.update();
    } catch (SealmeetException | RuntimeException e) {
      run.failed("meeting " + index + ": update by " + committer.meeting.account() + ": " + e);
      finish();
      return;
    }
    targetEpoch = committer.meeting.epoch();
    made++;
    checkMerged();
  }

  private void pushed(Member member, SequencedEnvelope entry) {
    if (finished && !inFlight) {
      return;
    }
    if (entry.sequence() < member.meeting.nextSequence()) {
      return; // its own commit, merged when accepted, or read while setting up
    }
    try {
      member.meeting.process(entry.bytes());
    } catch (SealmeetException | RuntimeException e) {
      run.failed("meeting " + index + ": " + member.meeting.account() + " rejected push "
          + entry.sequence() + ": " + e);
    }
    checkMerged();
  }

  private void checkMerged() {
    if (!inFlight) {
      return;
    }
    for (Member member : members) {
      if (member.meeting.epoch() < targetEpoch) {
        return;
      }
    }
    inFlight = false;
    run.merged(submitted, System.nanoTime());
    if (pauseMillis > 0) {
      timer.schedule(() -> tasks.execute(this::commit), pauseMillis, TimeUnit.MILLISECONDS);
    } else {
      tasks.execute(this::commit);
    }
  }

  private void finish() {
    inFlight = false;
    if (!finished) {
      finished = true;
      run.meetingFinished();
    }
  }

  /**
   * Whether every member is active at the epoch of the last commit, with nothing rejected.
   * Call after the run finished.
   */
  String check() {
    long expected = startEpoch + made;
    for (Member member : members) {
      Meeting m = member.meeting;
      if (m.status() != Meeting.Status.ACTIVE || m.epoch() != expected || !m.rejected().isEmpty()
          || m.stall().isPresent()) {
        return "meeting " + index + ": " + m.account() + " " + m.status() + " at epoch "
            + m.epoch() + ", expected " + expected + ", rejected " + m.rejectedCount();
      }
    }
    return null;
  }

  /** Commits made. */
  int made() {
    return made;
  }

  /** STALE_EPOCH retries of this meeting's members (a commit that lost its epoch, redone). */
  long retries() {
    long sum = 0;
    for (Member member : members) {
      sum += member.meeting.metrics().snapshot().commitRetries();
    }
    return sum;
  }

  /** Cancels the subscriptions and closes the clients. */
  void close() {
    for (Member member : members) {
      if (member.subscription != null) {
        member.subscription.cancel();
      }
      if (member.ds != null) {
        member.ds.close();
      }
    }
  }

  private GrpcDeliveryService connect(int member) throws IOException {
    var builder = GrpcDeliveryService.builder().plaintext()
        .bearerToken(tokens.get(accounts.get(member))).deadline(Duration.ofSeconds(30))
        .retry(new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(500), 2.0));
    for (String target : targets.get(member)) {
      builder.target(target);
    }
    return builder.build();
  }

  private MeetingClient client(String account) {
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
    accountKeys.put(account, identity.signaturePublicKey());
    IdentityVerifier verifier =
        (credential, key) -> IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    return new MeetingClient(account, identity, suite, verifier, MeetingOptions.defaults());
  }
}
