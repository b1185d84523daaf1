package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.GroupRule;
import dev.sealmeet.mls.group.GroupRuleException;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.RequiredCapabilities;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.sframe.auth.FrameAuthStatus;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sender authentication as a meeting requires it (spec §2.7): on by default, bound in the group,
 * required of every member, carried through the delivery service and driven by {@link
 * Meeting#poll}. Time is the injected clock of {@link MeetingOptions#nanoTime()}.
 */
class MeetingSenderAuthTest {
  private static final long MS = 1_000_000L;
  private static final SenderAuthParams P = SenderAuthParams.defaults();

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<String> forgeries = new CopyOnWriteArrayList<>();
  private final MeetingOptions options = MeetingOptions.defaults().withNanoTime(clock::get)
      .withRuntime(MeetingRuntime.defaults().withListener(new MeetingListener() {
        @Override
        public void frameForged(Meeting meeting, ForgedFrame forged) {
          forgeries.add(meeting.account() + ": " + forged);
        }
      }));
  private final MeetingFixtures f = new MeetingFixtures(options);

  @Test
  @DisplayName("[SM-AUTH-6] a meeting opened with the defaults requires sender authentication: "
      + "the extension in its group, 0xF0A3 in required_capabilities and in every KeyPackage")
  void defaults_requireIt_inTheGroup_SM_AUTH_6() throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    List<Extension> extensions = host.group().context().extensions();
    assertThat(SenderAuthRequirement.in(extensions))
        .contains(SenderAuthRequirement.of(SenderAuthParams.defaults()));
    assertThat(RequiredCapabilities.in(extensions).orElseThrow().extensionTypes())
        .containsExactly(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE, 0xF0A3);
    assertThat(host.senderAuthentication()).isPresent();
    MeetingClient off = f.client("off", f.suite, options.withoutSenderAuthentication());
    assertThat(off.newKeyPackage(false).keyPackage().leafNode().capabilities().extensions())
        .contains(0xF0A3); // every client implements it, whatever the meetings it opens require

    Meeting plain = Meeting.open(off, f.ds);
    List<Extension> none = plain.group().context().extensions();
    assertThat(SenderAuthRequirement.in(none)).isEmpty();
    assertThat(RequiredCapabilities.in(none).orElseThrow().extensionTypes())
        .containsExactly(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE);
    assertThat(plain.senderAuthentication()).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-6] a meeting in an ML-DSA suite requires it too: its statements, "
      + "signed with ML-DSA leaf keys, fit a signature frame and verify")
  void mlDsaSuite_requiresItToo_SM_AUTH_6() throws SealmeetException {
    MlsSuite mlDsa = MlsSuite.of(SuiteRegistry.DRAFT_PQ_BASE + 10, SuiteRegistry.draftPq(),
        new java.security.SecureRandom());
    MeetingFixtures pq = new MeetingFixtures(options.withMlsSuites(SuiteRegistry.draftPq()), mlDsa);
    List<Meeting> m = pq.meeting("host", "ann");
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    assertThat(SenderAuthRequirement.in(host.group().context().extensions())).isPresent();
    assertThat(RequiredCapabilities.in(host.group().context().extensions()).orElseThrow()
        .extensionTypes()).contains(SenderAuthRequirement.EXTENSION_TYPE);
    ann.poll();
    for (int i = 0; i < P.framesPerSignature(); i++) {
      host.send(MediaKind.VIDEO, new byte[] {(byte) i});
    }
    List<ReceivedFrame> frames = ann.poll();
    assertThat(ann.rejected()).isEmpty();
    assertThat(frames).hasSize(P.framesPerSignature());
    for (ReceivedFrame frame : frames) {
      assertThat(ann.senderAuthentication().orElseThrow().status(frame.kid(), frame.ctr()))
          .isEqualTo(FrameAuthStatus.VERIFIED);
    }
  }

  @Test
  @DisplayName("[SM-AUTH-6] joiners and resumed members follow the group's extension, never "
      + "their own options")
  void joiners_followTheGroup_SM_AUTH_6() throws SealmeetException {
    SenderAuthParams other = new SenderAuthParams(4, Duration.ofMillis(100), 1,
        Duration.ofMillis(400), 64);
    Meeting host = Meeting.open(f.client("host"), f.ds);
    Meeting offJoiner = f.admit(host, LobbyGuest.enter(
        f.client("ann", f.suite, options.withoutSenderAuthentication()), f.ds,
        host.invitation()));
    assertThat(offJoiner.senderAuthentication()).isPresent();
    Meeting otherJoiner = f.admit(host, LobbyGuest.enter(
        f.client("ben", f.suite, options.withSenderAuthentication(other)), f.ds,
        host.invitation()));
    assertThat(otherJoiner.senderAuthentication()).isPresent();
    // ben signs every 16 frames as the group says, not every 4 as his options say
    for (int i = 0; i < 4; i++) {
      otherJoiner.send(MediaKind.AUDIO, new byte[] {(byte) i});
    }
    assertThat(signatureEnvelopes(host)).isZero();

    Meeting plain = Meeting.open(f.client("cat", f.suite, options.withoutSenderAuthentication()),
        f.ds);
    Meeting onJoiner = f.admit(plain, LobbyGuest.enter(f.client("dan"), f.ds,
        plain.invitation()));
    assertThat(onJoiner.senderAuthentication()).isEmpty();

    MemoryStore store = new MemoryStore();
    MeetingClient eve = f.client("eve", f.suite, options.withoutSenderAuthentication()
        .withRuntime(MeetingRuntime.defaults().withStore(store)));
    Meeting atEve = f.admit(host, LobbyGuest.enter(eve, f.ds, host.invitation()));
    assertThat(Meeting.resume(eve, f.ds, atEve.id()).senderAuthentication()).isPresent();
  }

  @Test
  @DisplayName("[SM-AUTH-8] a commit that drops, changes or adds the requirement is rejected by "
      + "every other member")
  void commitChangingTheRequirement_isRejected_SM_AUTH_8() throws SealmeetException {
    SenderAuthRequirement faster = new SenderAuthRequirement(4, Duration.ofMillis(250), 2,
        Duration.ofSeconds(1));
    List<UnaryOperator<List<Extension>>> changes = List.of(
        extensions -> replaced(extensions, faster.toExtension()),
        extensions -> replaced(extensions, null));
    for (UnaryOperator<List<Extension>> change : changes) {
      List<Meeting> m = f.meeting("host", "ann", "ben");
      Meeting host = m.get(0);
      long epoch = f.submitUnchecked(host, CommitRequest.empty()
          .groupContextExtensions(change.apply(host.group().context().extensions())));
      host.group().discardPendingCommit();
      MeetingFixtures.assertAllReject(m.subList(1, 3), epoch, MeetingRule.SENDER_AUTHENTICATION);
    }
    MeetingFixtures g = new MeetingFixtures(options.withoutSenderAuthentication());
    List<Meeting> m = g.meeting("host", "ann");
    Meeting host = m.get(0);
    List<Extension> added = new ArrayList<>(host.group().context().extensions());
    added.add(faster.toExtension());
    long epoch = g.submitUnchecked(host, CommitRequest.empty().groupContextExtensions(added));
    host.group().discardPendingCommit();
    MeetingFixtures.assertAllReject(m.subList(1, 2), epoch, MeetingRule.SENDER_AUTHENTICATION);
  }

  @Test
  @DisplayName("[SM-AUTH-6] a KeyPackage without the capability cannot be added to a meeting "
      + "that requires it (RFC 9420 §11.1), and can to one that does not")
  void keyPackageWithoutTheCapability_isNotAdded_SM_AUTH_6() throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    publishWithoutCapability(host, "old");
    assertThatThrownBy(() -> host.admit("old")).isInstanceOfSatisfying(GroupRuleException.class,
        e -> assertThat(e.rule()).isEqualTo(GroupRule.REQUIRED_CAPABILITIES));
    assertThat(host.group().members()).hasSize(1);

    Meeting plain = Meeting.open(f.client("cat", f.suite, options.withoutSenderAuthentication()),
        f.ds);
    publishWithoutCapability(plain, "older");
    plain.admit("older");
    assertThat(plain.group().members()).hasSize(2);
  }

  @Test
  @DisplayName("[SM-AUTH-11] with the defaults, every honest frame of a 3-member meeting becomes "
      + "VERIFIED at every receiver by polling alone; nothing is reported forged")
  void honestFrames_becomeVerified_byPollingAlone_SM_AUTH_11() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob", "carol");
    Map<Meeting, List<ReceivedFrame>> got = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      for (Meeting sender : m) {
        sender.send(i % 2 == 0 ? MediaKind.AUDIO : MediaKind.VIDEO, ("frame " + i).getBytes());
      }
      clock.addAndGet(20 * MS);
      poll(m, got);
    }
    clock.addAndGet(P.maxDelay().toNanos()); // the last windows are due on the timer
    poll(m, got);
    poll(m, got);
    clock.addAndGet(P.deadline().toNanos() * 2);
    poll(m, got);
    for (Meeting receiver : m) {
      List<ReceivedFrame> frames = got.get(receiver);
      assertThat(frames).hasSize(80);
      for (ReceivedFrame frame : frames) {
        assertThat(frame.kid()).isNotNegative();
        assertThat(frame.authStatus()).isIn(FrameAuthStatus.PENDING, FrameAuthStatus.VERIFIED);
        assertThat(receiver.senderAuthentication().orElseThrow().status(frame.kid(), frame.ctr()))
            .as(receiver.account() + " " + frame).isEqualTo(FrameAuthStatus.VERIFIED);
      }
      assertThat(receiver.rejected()).isEmpty();
    }
    assertThat(forgeries).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-9] signature frames travel as MediaFrame SIGNATURE envelopes right after "
      + "the media frame that made them due; own echoes are skipped")
  void signatureEnvelopes_followTheirMediaFrame_SM_AUTH_9() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    Meeting alice = m.get(0);
    for (int i = 0; i < P.framesPerSignature(); i++) {
      alice.send(MediaKind.VIDEO, new byte[] {(byte) i});
    }
    List<Envelope> log = MeetingInternals.recorded(f.ds, alice.id());
    assertThat(log.get(log.size() - 1).getMedia().getKind()).isEqualTo(MediaFrame.Kind.SIGNATURE);
    assertThat(log.get(log.size() - 2).getMedia().getKind()).isEqualTo(MediaFrame.Kind.VIDEO);
    assertThat(signatureEnvelopes(alice)).isEqualTo(1);
    assertThat(alice.poll()).isEmpty(); // her own frames and signature frame: skipped
    assertThat(alice.rejected()).isEmpty();
    assertThat(alice.media().stats().decrypted()).isZero(); // not even decrypted
    assertThat(m.get(1).poll()).hasSize(P.framesPerSignature())
        .allSatisfy(frame -> assertThat(frame.authStatus()).isEqualTo(FrameAuthStatus.PENDING));
    assertThat(m.get(1).rejected()).isEmpty();
  }

  @Test
  @DisplayName("[SM-AUTH-10] a signature frame in the same poll as the commit that starts its "
      + "epoch verifies: the epoch's leaf keys are read as its media keys are installed")
  void signatureFrame_inThePollOfItsCommit_SM_AUTH_10_verifies() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    LobbyGuest.enter(f.client("carol"), f.ds, alice.invitation());
    alice.admit("carol"); // a joiner: alice sends under the new epoch at once
    long epoch = alice.epoch();
    for (int i = 0; i < P.framesPerSignature(); i++) {
      alice.send(MediaKind.AUDIO, new byte[] {(byte) i});
    }
    List<ReceivedFrame> frames = bob.poll(); // the commit, then the frames and their signature
    assertThat(bob.epoch()).isEqualTo(epoch);
    assertThat(bob.rejected()).isEmpty();
    assertThat(frames).hasSize(P.framesPerSignature());
    for (ReceivedFrame frame : frames) {
      assertThat(frame.epoch()).isEqualTo(epoch);
      assertThat(bob.senderAuthentication().orElseThrow().status(frame.kid(), frame.ctr()))
          .isEqualTo(FrameAuthStatus.VERIFIED);
    }
  }

  @Test
  @DisplayName("[SM-AUTH-10] a joiner refuses a signature frame covering frames of an epoch before "
      + "it joined as UNKNOWN_EPOCH (it holds none of them); the others verify them")
  void joiner_refusesStatementsOfEarlierEpochs_SM_AUTH_10() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    List<ReceivedFrame> early = new ArrayList<>();
    alice.send(MediaKind.AUDIO, new byte[] {1});
    early.addAll(bob.poll());
    LobbyGuest carolGuest = LobbyGuest.enter(f.client("carol"), f.ds, alice.invitation());
    Meeting carol = f.admit(alice, carolGuest);
    alice.send(MediaKind.AUDIO, new byte[] {2}); // a new KID: the old window is signed at once
    assertThat(carol.poll()).hasSize(1);
    assertThat(carol.rejected()).singleElement()
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    bob.poll();
    assertThat(bob.rejected()).isEmpty();
    assertThat(early).singleElement().satisfies(frame -> assertThat(
        bob.senderAuthentication().orElseThrow().status(frame.kid(), frame.ctr()))
        .isEqualTo(FrameAuthStatus.VERIFIED));
  }

  @Test
  @DisplayName("[SM-AUTH-9] a signature envelope that fails is rejected like any envelope, never "
      + "thrown out of poll; a meeting without the requirement rejects every one")
  void badSignatureEnvelopes_areRejected_SM_AUTH_9() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    Meeting alice = m.get(0);
    Meeting bob = m.get(1);
    byte[] media = alice.send(MediaKind.AUDIO, new byte[] {1});
    MeetingInternals.submit(f.ds, signature(alice.id(), media)); // media metadata: fails
    assertThat(bob.poll()).hasSize(1);
    assertThat(bob.rejected()).hasSize(1);

    MeetingFixtures g = new MeetingFixtures(options.withoutSenderAuthentication());
    List<Meeting> plain = g.meeting("ann", "ben");
    byte[] sframe = plain.get(0).media().protect(
        dev.sealmeet.sframe.auth.TagSignatureFrame.METADATA, new byte[] {1});
    MeetingInternals.submit(g.ds, signature(plain.get(0).id(), sframe));
    assertThat(plain.get(1).poll()).isEmpty();
    assertThat(plain.get(1).rejected()).singleElement()
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNEXPECTED_ENVELOPE));
  }

  @Test
  @DisplayName("a meeting opened without sender authentication behaves as before: no signature "
      + "envelopes, frames UNKNOWN, nothing reported")
  void meetingWithout_behavesAsBefore() throws SealmeetException {
    MeetingFixtures g = new MeetingFixtures(options.withoutSenderAuthentication());
    List<Meeting> m = g.meeting("ann", "ben");
    List<ReceivedFrame> got = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      m.get(0).send(MediaKind.AUDIO, new byte[] {(byte) i});
      clock.addAndGet(100 * MS);
      got.addAll(m.get(1).poll());
    }
    clock.addAndGet(P.deadline().toNanos() * 2);
    got.addAll(m.get(1).poll());
    assertThat(got).hasSize(40).allSatisfy(
        frame -> assertThat(frame.authStatus()).isEqualTo(FrameAuthStatus.UNKNOWN));
    assertThat(signatureEnvelopes(g.ds, m.get(0))).isZero();
    assertThat(m.get(1).senderAuthentication()).isEmpty();
    assertThat(forgeries).isEmpty();
  }

  @Test
  @DisplayName("send takes an explicit uint32 stream; others are refused before protecting")
  void explicitStreams() throws SealmeetException {
    List<Meeting> m = f.meeting("alice", "bob");
    for (int i = 0; i < P.framesPerSignature(); i++) {
      m.get(0).send(MediaKind.VIDEO, 7, new byte[] {1});
      m.get(0).send(MediaKind.VIDEO, 0xFFFF_FFFFL, new byte[] {2});
    }
    // stream 7's full window closes first and takes the other stream's open window along: one
    // statement, a section per stream, one signature frame (its copy waits for the next emission)
    assertThat(signatureEnvelopes(m.get(0))).isEqualTo(1);
    assertThatThrownBy(() -> m.get(0).send(MediaKind.VIDEO, -1, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.get(0).send(MediaKind.VIDEO, 0x1_0000_0000L, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void poll(List<Meeting> members, Map<Meeting, List<ReceivedFrame>> got)
      throws SealmeetException {
    for (Meeting member : members) {
      got.computeIfAbsent(member, k -> new ArrayList<>()).addAll(member.poll());
    }
  }

  private int signatureEnvelopes(Meeting member) {
    return signatureEnvelopes(f.ds, member);
  }

  private static int signatureEnvelopes(InMemoryDeliveryService ds, Meeting member) {
    return (int) MeetingInternals.recorded(ds, member.id()).stream()
        .filter(e -> e.hasMedia() && e.getMedia().getKind() == MediaFrame.Kind.SIGNATURE)
        .count();
  }

  private static Envelope signature(byte[] meetingId, byte[] sframe) {
    return ProtoEnvelopes.toProto(Envelopes.signature(meetingId, sframe));
  }

  /** A KeyPackage of {@code account} listing the roles and media parameters only. */
  private void publishWithoutCapability(Meeting meeting, String account)
      throws SealmeetException {
    MeetingClient client = f.client(account);
    Capabilities old = new Capabilities(List.of(ProtocolVersion.MLS10), List.of(f.suite.id()),
        List.of(Roles.EXTENSION_TYPE, MediaParameters.EXTENSION_TYPE), List.of(), List.of(1, 2));
    KeyPackageBundle bundle = KeyPackageBundle.create(f.suite, client.identity(), old,
        Duration.ofDays(1), false, List.of(), client.config());
    f.ds.publishKeyPackage(meeting.id(),
        new KeyPackageEntry(account, false, MlsMessage.of(bundle.keyPackage()).toBytes()));
  }

  /** {@code extensions} with the requirement replaced by {@code by}, or dropped if null. */
  private static List<Extension> replaced(List<Extension> extensions, Extension by) {
    List<Extension> out = new ArrayList<>();
    for (Extension e : extensions) {
      if (e.extensionType() != SenderAuthRequirement.EXTENSION_TYPE) {
        out.add(e);
      } else if (by != null) {
        out.add(by);
      }
    }
    return out;
  }
}
