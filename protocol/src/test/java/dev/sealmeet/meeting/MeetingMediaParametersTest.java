package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A meeting's media parameters travel in its group (spec §2.1): a member whose own options differ
 * protects and accepts media by the opener's values, after a Welcome and after a resume; a
 * meeting whose values a client cannot honour, or whose extension is malformed, is refused; a
 * commit that changes or drops the extension is rejected by every other member.
 */
class MeetingMediaParametersTest {
  /** Suite 2 (64-bit tags), E = 2, one replaced epoch for a minute, a 250 ms send delay. */
  private static final MeetingOptions OPENER = MeetingOptions.defaults()
      .withSframeSuite(SframeSuite.AES_128_CTR_HMAC_SHA256_64)
      .withKidLayout(new KidLayout(2))
      .withGrace(new GracePolicy(Duration.ofMinutes(1), 1))
      .withMediaTransitions(MediaTransitions.defaults().withSendDelay(Duration.ofMillis(250)));

  private final MeetingFixtures f = new MeetingFixtures();

  private MeetingClient opener(String account) {
    return f.client(account, f.suite, OPENER);
  }

  @Test
  @DisplayName("a joiner uses the meeting's suite, E, grace, send delay, not its own [SM-PARAM-1]")
  void joinerWithOtherOptions_usesTheGroupsParameters_andMediaFlows() throws SealmeetException {
    Meeting host = Meeting.open(opener("host"), f.ds);
    Meeting ann = f.admit(host, LobbyGuest.enter(f.client("ann"), f.ds, host.invitation()));
    host.poll();
    for (Meeting m : List.of(host, ann)) {
      assertThat(m.media().suite()).isEqualTo(SframeSuite.AES_128_CTR_HMAC_SHA256_64);
      assertThat(m.media().layout()).isEqualTo(new KidLayout(2));
      assertThat(m.media().transitions().sendDelay()).isEqualTo(Duration.ofMillis(250));
    }
    // Ann's own hold bounds stay hers.
    assertThat(ann.media().transitions().holdTotal())
        .isEqualTo(MediaTransitions.defaults().holdTotal());
    host.send(MediaKind.VIDEO, new byte[] {1, 2});
    assertThat(ann.poll()).singleElement()
        .satisfies(r -> assertThat(r.payload()).containsExactly(1, 2));
    ann.send(MediaKind.AUDIO, new byte[] {3});
    assertThat(host.poll()).singleElement()
        .satisfies(r -> assertThat(r.payload()).containsExactly(3));
    // The grace is the meeting's (one replaced epoch), not ann's default of two.
    host.update();
    host.update();
    ann.poll();
    assertThat(ann.media().heldEpochs()).hasSize(2);
  }

  @Test
  @DisplayName("a resumed member reads the parameters from its group [SM-PARAM-1]")
  void resumedMember_readsTheParametersFromItsGroup() throws SealmeetException {
    MemoryStore store = new MemoryStore();
    Meeting host = Meeting.open(opener("host"), f.ds);
    MeetingClient ann = f.client("ann", f.suite,
        f.options.withRuntime(f.options.runtime().withStore(store)));
    Meeting joined = f.admit(host, LobbyGuest.enter(ann, f.ds, host.invitation()));
    MeetingClient restarted = new MeetingClient("ann", f.identities.get("ann"), f.suite,
        f.verifier(), f.options.withSframeSuite(SframeSuite.AES_256_GCM_SHA512_128)
            .withRuntime(f.options.runtime().withStore(store)));
    Meeting resumed = Meeting.resume(restarted, f.ds, joined.id());
    assertThat(resumed.media().suite()).isEqualTo(SframeSuite.AES_128_CTR_HMAC_SHA256_64);
    assertThat(resumed.media().layout()).isEqualTo(new KidLayout(2));
    resumed.send(MediaKind.AUDIO, new byte[] {9});
    assertThat(host.poll()).singleElement()
        .satisfies(r -> assertThat(r.payload()).containsExactly(9));
    host.send(MediaKind.AUDIO, new byte[] {8});
    assertThat(resumed.poll()).singleElement()
        .satisfies(r -> assertThat(r.payload()).containsExactly(8));
  }

  @Test
  @DisplayName("a meeting in a suite the joiner's options refuse is refused [SM-PARAM-1]")
  void provisionalSuite_isRefusedByAJoinerThatDoesNotAllowIt() throws SealmeetException {
    MeetingOptions provisional = MeetingOptions.defaults()
        .withSframeSuite(SframeSuite.fromId(6, true))
        .withSframeOptions(SframeOptions.defaults().withProvisionalSuites(true));
    Meeting host = Meeting.open(f.client("host", f.suite, provisional), f.ds);
    LobbyGuest eve = LobbyGuest.enter(f.client("eve"), f.ds, host.invitation());
    host.admit("eve");
    assertThat(eve.poll()).isEmpty();
    assertThat(eve.refused()).isEqualTo(1);
    LobbyGuest ann = LobbyGuest.enter(f.client("ann", f.suite, provisional), f.ds,
        host.invitation());
    Meeting atAnn = f.admit(host, ann);
    assertThat(atAnn.media().suite().id()).isEqualTo(6);
  }

  @Test
  @DisplayName("a group whose media parameters are malformed is not joined [SM-PARAM-2]")
  void malformedParametersInTheGroup_areRefused() throws SealmeetException {
    MeetingClient plain = f.client("plain");
    for (String hex : List.of("0004", "0004" + "00" + "00" + "000007d0" + "000003e8")) {
      MlsGroup group = MlsGroup.create(plain.newKeyPackage(false), plain.identity(),
          new byte[32], List.of(Roles.withHost(plain.identity().credential()).toExtension(),
              new Extension(MediaParameters.EXTENSION_TYPE, HexFormat.of().parseHex(hex))),
          new PskStore(), plain.config());
      assertThatThrownBy(() -> MeetingStart.joined(plain, f.ds, group, 1))
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  @DisplayName("a commit that changes or drops the media parameters is rejected [SM-MEDIA-9]")
  void commitChangingTheParameters_isRejectedByEveryOtherMember() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann", "ben");
    Meeting host = m.get(0);
    MediaParameters wider = new MediaParameters(SframeSuite.AES_128_GCM_SHA256_128,
        new KidLayout(4), new GracePolicy(Duration.ofSeconds(2), 3), Duration.ofSeconds(1));
    List<UnaryOperator<List<Extension>>> changes = List.of(
        extensions -> replaced(extensions, wider.toExtension()),
        extensions -> replaced(extensions, null));
    for (UnaryOperator<List<Extension>> change : changes) {
      long epoch = f.submitUnchecked(host, CommitRequest.empty()
          .groupContextExtensions(change.apply(host.group().context().extensions())));
      host.group().discardPendingCommit();
      for (Meeting other : m.subList(1, 3)) {
        other.poll();
        assertThat(other.epoch()).isEqualTo(epoch);
        assertThat(other.stall()).hasValueSatisfying(s -> assertThat(s.reason())
            .isInstanceOfSatisfying(MeetingRuleException.class,
                e -> assertThat(e.rule()).isEqualTo(MeetingRule.MEDIA_PARAMETERS)));
      }
      m = f.meeting("host", "ann", "ben");
      host = m.get(0);
    }
  }

  /** {@code extensions} with the media parameters replaced by {@code by}, or dropped if null. */
  private static List<Extension> replaced(List<Extension> extensions, Extension by) {
    List<Extension> out = new ArrayList<>();
    for (Extension e : extensions) {
      if (e.extensionType() != MediaParameters.EXTENSION_TYPE) {
        out.add(e);
      } else if (by != null) {
        out.add(by);
      }
    }
    return out;
  }
}
