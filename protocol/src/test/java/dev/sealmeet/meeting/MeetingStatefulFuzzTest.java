package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.Handshake;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stateful fuzzing of a live meeting (issue 17): a host, an honest participant (ben), a malicious
 * participant (ann, acting under the {@link Meeting} API on her own MLS group) and a guest (zoe)
 * waiting in the lobby. Each input is a script of steps, each step chosen by one byte: ann or the
 * server submits arbitrary envelope bytes, ann proposes or commits what the role rules forbid,
 * the server proposes as external sender, or an honest member acts (update, admit zoe, flush).
 * After every step every honest member polls, and:
 *
 * <ul>
 *   <li>no throwable but a {@code SealmeetException} subtype escapes, from any call;
 *   <li>the honest members in the meeting agree on epoch, roster, roles and security code;
 *   <li>an honest member stalls only on a commit signed by a member (ann), never on the server's
 *       or an outsider's bytes (the delivery service authenticates handshakes, [SM-DS-7]).
 * </ul>
 *
 * <p>Without {@code JAZZER_FUZZ} it replays {@code MeetingStatefulFuzzTestInputs/liveMeeting/};
 * {@code mvn -Pfuzz -Dtest='MeetingStatefulFuzzTest#liveMeeting'} fuzzes it (README, "Testing").
 */
class MeetingStatefulFuzzTest {
  private static final Path INPUTS = Path.of("src", "test", "resources", "dev", "sealmeet",
      "meeting", "MeetingStatefulFuzzTestInputs", "liveMeeting");
  private static final int MAX_STEPS = 12;

  /** Reads a script from the front of the input. */
  private static final class Script {
    private final byte[] bytes;
    private int at;

    Script(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean done() {
      return at >= bytes.length;
    }

    int next() {
      return done() ? 0 : bytes[at++] & 0xff;
    }

    /** A length-prefixed (one byte) chunk. */
    byte[] chunk() {
      int length = Math.min(next(), bytes.length - at);
      byte[] out = Arrays.copyOfRange(bytes, at, at + length);
      at += length;
      return out;
    }
  }

  /** The live meeting of one input. */
  private static final class Stage {
    final MeetingFixtures f = new MeetingFixtures();
    final Meeting host;
    final Meeting ann;
    final Meeting ben;
    final LobbyGuest zoe;
    final List<Meeting> honest = new ArrayList<>();
    final SigningIdentity server;

    Stage() throws Exception {
      List<Meeting> m = f.meeting("host", "ann", "ben");
      host = m.get(0);
      ann = m.get(1);
      ben = m.get(2);
      honest.add(host);
      honest.add(ben);
      zoe = LobbyGuest.enter(f.client("zoe"), f.ds, host.invitation());
      java.lang.reflect.Field field = InMemoryDeliveryService.class.getDeclaredField("identity");
      field.setAccessible(true);
      server = (SigningIdentity) field.get(f.ds);
    }

    byte[] id() {
      return host.id();
    }

    MlsGroup annGroup() {
      return ann.group();
    }
  }

  @FuzzTest(maxDuration = "30m")
  void liveMeeting(byte[] input) throws Exception {
    Stage stage = new Stage();
    Script script = new Script(input);
    for (int step = 0; step < MAX_STEPS && !script.done(); step++) {
      int action = script.next() % 9;
      checked(() -> act(stage, action, script));
      for (Meeting member : stage.honest) {
        checked(member::poll);
      }
      checked(() -> stage.zoe.poll().ifPresent(stage.honest::add));
      checkInvariants(stage);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Runs a step: only {@code SealmeetException} subtypes may escape it (and are dropped). */
  private static void checked(Step step) throws Exception {
    try {
      step.run();
    } catch (SealmeetException expected) {
      // A hostile input rejected, or an honest action the rules refuse: both typed.
    }
  }

  private static void act(Stage s, int action, Script script) throws Exception {
    switch (action) {
      case 0 -> submitRaw(s, script.chunk(), false);
      case 1 -> submitRaw(s, script.chunk(), true);
      case 2 -> annProposes(s, script.next());
      case 3 -> annCommits(s, script.next());
      case 4 -> serverProposes(s, script.next());
      case 5 -> s.host.update();
      case 6 -> s.ben.update();
      case 7 -> {
        if (s.zoe.poll().isEmpty() && s.honest.size() < 3) {
          s.host.admit("zoe");
        }
      }
      default -> MeetingInternals.submit(s.f.ds,
          ProtoEnvelopes.media(s.id(), MediaKind.AUDIO, script.chunk()));
    }
  }

  /** Arbitrary bytes as an envelope of the meeting, from ann or from the server. */
  private static void submitRaw(Stage s, byte[] bytes, boolean asCommit) throws Exception {
    if (asCommit) {
      MeetingInternals.submit(s.f.ds, Envelope.newBuilder()
          .setMeetingId(ByteString.copyFrom(s.id()))
          .setHandshake(Handshake.newBuilder().setKind(Handshake.Kind.COMMIT)
              .setEpoch(s.f.ds.epoch(s.id())).setMlsMessage(ByteString.copyFrom(bytes)))
          .build());
      return;
    }
    dev.sealmeet.meeting.wire.Envelope parsed = Envelopes.parse(bytes); // the library's parser
    if (parsed.body() != null) {
      s.f.ds.submit(new dev.sealmeet.meeting.wire.Envelope(s.id(), parsed.sequence(),
          parsed.submitId(), parsed.body()).toBytes());
    }
  }

  private static List<Extension> annAsHost(Stage s) {
    MlsGroup group = s.annGroup();
    return Roles.withHost(group.members().get(s.ann.ownLeaf()))
        .replaceIn(group.context().extensions());
  }

  private static Proposal forbidden(Stage s, int choice) {
    return switch (choice % 4) {
      case 0 -> new dev.sealmeet.mls.message.GroupContextExtensionsProposal(annAsHost(s));
      case 1 -> new ReInitProposal(new byte[32], 1, 1, List.of());
      case 2 -> new dev.sealmeet.mls.message.PreSharedKeyProposal(
          new PreSharedKeyId.External(new byte[] {(byte) choice}, new byte[32]));
      default -> new RemoveProposal(s.host.ownLeaf());
    };
  }

  /** Ann proposes something the meeting refuses, in a proposal or an end envelope. */
  private static void annProposes(Stage s, int choice) throws Exception {
    MlsGroup group = s.annGroup();
    if (group.status() != MlsGroup.Status.ACTIVE) {
      return;
    }
    MlsMessage proposal = switch (choice % 4) {
      case 0 -> group.proposeGroupContextExtensions(annAsHost(s));
      case 1 -> group.proposeReInit(new byte[32], 1, List.of());
      case 2 -> group.proposePsk(
          new PreSharedKeyId.External(new byte[] {(byte) choice}, new byte[32]));
      default -> group.proposeRemove(s.host.ownLeaf());
    };
    Envelope envelope = (choice & 4) == 0
        ? ProtoEnvelopes.handshake(s.id(), Handshake.Kind.PROPOSAL, group.epoch(), proposal)
        : Envelope.newBuilder().setMeetingId(ByteString.copyFrom(s.id()))
            .setEnded(dev.sealmeet.meeting.proto.MeetingEnded.newBuilder()
                .setEpoch(group.epoch()).setMlsMessage(ByteString.copyFrom(proposal.toBytes())))
            .build();
    MeetingInternals.submit(s.f.ds, envelope);
  }

  /** Ann commits, under no meeting check: stored proposals by reference, or a forbidden one. */
  private static void annCommits(Stage s, int choice) throws Exception {
    MlsGroup group = s.annGroup();
    if (group.status() != MlsGroup.Status.ACTIVE) {
      return;
    }
    group.discardPendingCommit();
    CommitRequest request = (choice & 8) == 0 ? CommitRequest.empty()
        : CommitRequest.empty().with(forbidden(s, choice));
    MlsMessage commit = group.commit(request.forcePath()).commit();
    SubmitResult result = MeetingInternals.submit(s.f.ds,
        ProtoEnvelopes.commit(s.id(), group.epoch(), commit,
        group.pendingGroupInfo(true)));
    if (result.status() == SubmitStatus.ACCEPTED) {
      group.mergePendingCommit();
    } else {
      group.discardPendingCommit();
    }
  }

  /** The server proposes as external sender: a Remove, a ReInit or a roles change. */
  private static void serverProposes(Stage s, int choice) throws Exception {
    long epoch = s.f.ds.epoch(s.id());
    Proposal proposal = switch (choice % 3) {
      case 0 -> new RemoveProposal(choice % 4);
      case 1 -> new ReInitProposal(new byte[32], 1, 1, List.of());
      default -> new dev.sealmeet.mls.message.GroupContextExtensionsProposal(annAsHost(s));
    };
    MeetingInternals.submit(s.f.ds, ProtoEnvelopes.handshake(s.id(), Handshake.Kind.PROPOSAL, epoch,
        ExternalProposals.fromExternalSender(s.f.suite, s.id(), epoch, 0, s.server, proposal)));
  }

  private static void checkInvariants(Stage s) {
    List<Meeting> inMeeting = s.honest.stream()
        .filter(m -> m.status() == Meeting.Status.ACTIVE).toList();
    for (Meeting member : s.honest) {
      member.stall().ifPresent(stall -> assertThat(stall.claimedCommitter())
          .as("a stall names a member's commit").isEqualTo(s.ann.ownLeaf()));
    }
    if (inMeeting.size() < 2) {
      return;
    }
    Meeting first = inMeeting.get(0);
    for (Meeting other : inMeeting.subList(1, inMeeting.size())) {
      assertThat(other.epoch()).isEqualTo(first.epoch());
      assertThat(accounts(other.roster())).isEqualTo(accounts(first.roster()));
      assertThat(other.roles()).isEqualTo(first.roles());
      assertThat(other.securityCode()).isEqualTo(first.securityCode());
      assertThat(other.stall().isPresent()).isEqualTo(first.stall().isPresent());
    }
  }

  private static Map<Long, String> accounts(Map<Long, VerifiedIdentity> roster) {
    Map<Long, String> out = new java.util.TreeMap<>();
    roster.forEach((leaf, identity) -> out.put(leaf, identity.account()));
    return out;
  }

  @Test
  void committedSeeds_driveEveryAction() throws Exception {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(INPUTS)) {
      seeds = files.sorted().toList();
    }
    java.util.Set<Integer> actions = new java.util.HashSet<>();
    for (Path seed : seeds) {
      byte[] bytes = Files.readAllBytes(seed);
      if (bytes.length > 0) {
        actions.add((bytes[0] & 0xff) % 9);
      }
    }
    assertThat(actions).containsAll(List.of(0, 1, 2, 3, 4, 7));
  }
}
