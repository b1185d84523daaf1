package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A member saved through a {@link MeetingStore} resumes after a "crash" (its objects dropped,
 * nothing closed): it never reuses an SFrame (KID, CTR), merges its own commit that the delivery
 * service accepted just before the crash, refuses a rolled-back state unless forced, and then
 * sends nothing until its own commit.
 */
class MeetingResumeTest {
  private final MemoryStore store = new MemoryStore();
  private final MeetingFixtures f = new MeetingFixtures();

  /** Throws {@link Killed} right after the delivery service took the next submit. */
  private static final class DyingService extends ForwardingDeliveryService {
    boolean dieAfterNextSubmit;

    DyingService(DeliveryService next) {
      super(next);
    }

    @Override
    public SubmitResult submit(byte[] envelope) throws TransportException {
      SubmitResult result = next.submit(envelope);
      if (dieAfterNextSubmit) {
        dieAfterNextSubmit = false;
        throw new Killed();
      }
      return result;
    }
  }

  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private MeetingClient saved(String account) {
    MeetingClient fresh = f.client(account);
    return restarted(fresh);
  }

  /** The same account and identity in a new process, saving through the same store. */
  private MeetingClient restarted(MeetingClient before) {
    return new MeetingClient(before.account(), f.identities.get(before.account()), f.suite,
        f.verifier(), f.options.withRuntime(f.options.runtime().withStore(store)));
  }

  private List<Meeting> hostAndAnn(DeliveryService annDs) throws SealmeetException {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    LobbyGuest guest = LobbyGuest.enter(saved("ann"), annDs, host.invitation());
    host.admit("ann");
    Meeting ann = guest.poll().orElseThrow();
    return List.of(host, ann);
  }

  private static SframeHeader header(byte[] sframe) throws SealmeetException {
    return SframeHeader.decode(ByteBuffer.wrap(sframe));
  }

  @Test
  @DisplayName("resumed sender continues above every CTR it used; one write per block [SM-STATE-2]")
  void resumedSender_continuesAboveEveryCounterItUsed_andItsFramesDecrypt() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    Set<SframeHeader> sent = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      byte[] frame = ann.media().protect(null, new byte[] {(byte) i});
      assertThat(sent.add(header(frame))).isTrue();
      assertThat(host.media().unprotect(null, frame).payload()).containsExactly((byte) i);
    }
    Meeting resumed = Meeting.resume(restarted(ann.client), f.ds, ann.id()); // ann "crashed"
    assertThat(resumed.epoch()).isEqualTo(ann.epoch());
    assertThat(resumed.securityCode()).isEqualTo(host.securityCode());
    for (int i = 0; i < 10; i++) {
      byte[] frame = resumed.media().protect(null, new byte[] {(byte) (100 + i)});
      assertThat(sent.add(header(frame))).as("a (KID, CTR) used before the crash").isTrue();
      assertThat(host.media().unprotect(null, frame).payload()).containsExactly((byte) (100 + i));
    }
    assertThat(store.writes(StateKey.MEDIA_MARKS)).as("one write per block, not per frame")
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a commit ordered while down is merged from the log after resume [SM-STATE-1]")
  void commitAcceptedButNotMerged_isMergedFromTheLogAfterResume() throws Exception {
    DyingService annDs = new DyingService(f.ds);
    List<Meeting> m = hostAndAnn(annDs);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    long epoch = ann.epoch();
    annDs.dieAfterNextSubmit = true;
    assertThatThrownBy(ann::update).isInstanceOf(Killed.class);
    host.poll();
    assertThat(host.epoch()).as("the delivery service ordered ann's commit").isEqualTo(epoch + 1);

    Meeting resumed = Meeting.resume(restarted(ann.client), f.ds, ann.id());
    resumed.poll();
    assertThat(resumed.rejected()).isEmpty();
    assertThat(resumed.epoch()).isEqualTo(epoch + 1);
    assertThat(resumed.stall()).isEmpty();
    assertThat(resumed.securityCode()).isEqualTo(host.securityCode());
    byte[] frame = resumed.media().protect(null, new byte[] {7});
    assertThat(host.media().unprotect(null, frame).payload()).containsExactly((byte) 7);
  }

  @Test
  @DisplayName("rolled-back state refused; forced resume sends only after its own commit [SM-STATE-3]")
  void rolledBackState_isRefused_andForcedResumeSendsOnlyAfterItsOwnCommit() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    StateKey key = new StateKey(ann.id(), "ann", StateKey.MEETING);
    long old = store.newestVersion(key);
    host.update();
    ann.poll(); // saved again: a newer version
    byte[] frame = ann.media().protect(null, new byte[] {1});
    host.media().unprotect(null, frame);
    store.rollBack(key, old);

    assertThatThrownBy(() -> Meeting.resume(restarted(ann.client), f.ds, ann.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("older copy");
    Meeting forced = Meeting.resumeOlder(restarted(ann.client), f.ds, ann.id());
    forced.poll();
    assertThat(forced.epoch()).isEqualTo(host.epoch());
    assertThat(forced.media().canSend()).as("no send in an epoch it may have sent in").isFalse();
    assertThatThrownBy(() -> forced.media().protect(null, new byte[] {2}))
        .isInstanceOf(IllegalStateException.class);
    forced.update();
    host.poll();
    byte[] after = forced.media().protect(null, new byte[] {3});
    assertThat(host.media().unprotect(null, after).payload()).containsExactly((byte) 3);
  }

  @Test
  @DisplayName("an older copy's own commit, merged from the log, does not unblock sending [SM-STATE-3]")
  void olderCopysOwnCommit_mergedFromTheLog_doesNotUnblockSending() throws Exception {
    DyingService annDs = new DyingService(f.ds);
    List<Meeting> m = hostAndAnn(annDs);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    StateKey key = new StateKey(ann.id(), "ann", StateKey.MEETING);
    annDs.dieAfterNextSubmit = true;
    assertThatThrownBy(ann::update).isInstanceOf(Killed.class);
    long withCommitInFlight = store.newestVersion(key);
    host.poll();
    Meeting first = Meeting.resume(restarted(ann.client), f.ds, ann.id());
    first.poll(); // merges its commit: the epoch it starts is one this member sent in
    byte[] sent = first.media().protect(null, new byte[] {1});
    assertThat(host.media().unprotect(null, sent).payload()).containsExactly((byte) 1);
    store.rollBack(key, withCommitInFlight);

    Meeting forced = Meeting.resumeOlder(restarted(ann.client), f.ds, ann.id());
    forced.poll();
    assertThat(forced.epoch()).isEqualTo(host.epoch());
    assertThat(forced.media().canSend())
        .as("the commit came from the older copy: its epoch may have been sent in").isFalse();
    forced.update();
    host.poll();
    byte[] after = forced.media().protect(null, new byte[] {3});
    assertThat(host.media().unprotect(null, after).payload()).containsExactly((byte) 3);
  }

  @Test
  @DisplayName("an older copy that missed its own ordered commit stalls, naming itself [SM-STATE-3]")
  void olderCopyWithoutItsOrderedOwnCommit_stalls() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    StateKey key = new StateKey(ann.id(), "ann", StateKey.MEETING);
    long beforeCommit = store.newestVersion(key);
    long epoch = ann.epoch();
    ann.update();
    host.poll();
    store.rollBack(key, beforeCommit);

    Meeting forced = Meeting.resumeOlder(restarted(ann.client), f.ds, ann.id());
    forced.poll();
    assertThat(forced.epoch()).isEqualTo(epoch);
    Stall stall = forced.stall().orElseThrow();
    assertThat(stall.epoch()).isEqualTo(epoch);
    assertThat(stall.claimedCommitter()).isEqualTo(forced.ownLeaf());
    assertThatThrownBy(forced::update).isInstanceOf(MeetingRuleException.class)
        .satisfies(e -> assertThat(((MeetingRuleException) e).rule()).isEqualTo(MeetingRule.STALLED));
  }

  @Test
  @DisplayName("a host resumed from an older copy still ends the meeting for everyone [SM-STATE-3]")
  void hostResumedFromAnOlderCopy_endsTheMeetingForEveryone() throws Exception {
    Meeting host = Meeting.open(saved("host"), f.ds);
    LobbyGuest guest = LobbyGuest.enter(f.client("ann"), f.ds, host.invitation());
    host.admit("ann");
    Meeting ann = guest.poll().orElseThrow();
    StateKey key = new StateKey(host.id(), "host", StateKey.MEETING);
    long old = store.newestVersion(key);
    ann.update();
    host.poll(); // saved again: a newer version, which may have sent in ann's epoch
    store.rollBack(key, old);

    Meeting forced = Meeting.resumeOlder(restarted(host.client), f.ds, host.id());
    forced.poll();
    assertThat(forced.media().canSend()).isFalse();
    forced.end();
    ann.poll();
    assertThat(ann.rejected()).isEmpty();
    assertThat(ann.status()).isEqualTo(Meeting.Status.ENDED);
  }

  @Test
  @DisplayName("frames of the previous epoch in flight still decrypt after a resume [SM-STATE-1]")
  void previousEpochWithinItsGrace_stillDecryptsAfterResume() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    long before = host.epoch();
    byte[] inFlight = host.media().protect(null, new byte[] {9});
    host.update();
    ann.poll();
    assertThat(ann.epoch()).isEqualTo(before + 1);
    Meeting resumed = Meeting.resume(restarted(ann.client), f.ds, ann.id());
    ReceivedFrame frame = resumed.media().unprotect(null, inFlight);
    assertThat(frame.epoch()).isEqualTo(before);
    assertThat(frame.payload()).containsExactly((byte) 9);
  }

  @Test
  @DisplayName("a guest restarted in the lobby still opens its Welcome [SM-STATE-1]")
  void guestRestartedInTheLobby_stillOpensItsWelcome() throws Exception {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    MeetingClient ann = saved("ann");
    LobbyGuest.enter(ann, f.ds, host.invitation()); // its process dies while it waits
    host.admit("ann");
    LobbyGuest again = LobbyGuest.resume(restarted(ann), f.ds, host.invitation());
    Meeting joined = again.poll().orElseThrow();
    assertThat(joined.securityCode()).isEqualTo(host.securityCode());
    StateKey lobby = new StateKey(host.id(), "ann", StateKey.LOBBY);
    assertThat(store.read(lobby).orElseThrow().bytes()).as("no private key kept after joining")
        .hasSizeLessThan(8);
  }

  @Test
  @DisplayName("a commit whose save failed is never submitted, not even by a later call [SM-STATE-1]")
  void commitWhoseSaveFailed_isNeverSubmitted() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    long epoch = ann.epoch();
    long logLength = f.ds.fetch(ann.id(), 1).size();
    store.failNextWriteOf(StateKey.MEETING);
    assertThatThrownBy(ann::update).isInstanceOf(StorageException.class);
    assertThat(f.ds.fetch(ann.id(), 1)).hasSize((int) logLength);
    assertThat(ann.group().hasPendingCommit()).isFalse();
    host.update(); // a later change of ann's settles first: nothing of the failed one goes out
    ann.poll();
    ann.update();
    host.poll();
    assertThat(ann.epoch()).isEqualTo(epoch + 2);
    assertThat(host.epoch()).isEqualTo(ann.epoch());
    assertThat(host.rejected()).isEmpty();
  }

  @Test
  @DisplayName("saved media epochs out of order, not before the current one, or of a wrong key"
      + " length fail typed and install nothing [SM-STATE-4]")
  void damagedSavedMediaEpochs_failTyped() throws Exception {
    Meeting ann = hostAndAnn(f.ds).get(1);
    MediaProtector media = ann.media();
    long now = ann.epoch();
    byte[] key = new byte[media.baseKeyLength()];
    List<List<EpochMediaKeys.Saved>> damaged = List.of(
        List.of(new EpochMediaKeys.Saved(now, key.clone(), Set.of(0L))),
        List.of(new EpochMediaKeys.Saved(now - 1, new byte[3], Set.of(0L))),
        List.of(new EpochMediaKeys.Saved(now - 1, key.clone(), Set.of(0L)),
            new EpochMediaKeys.Saved(now - 1, key.clone(), Set.of(0L))));
    for (List<EpochMediaKeys.Saved> past : damaged) {
      assertThatThrownBy(() -> new MeetingStart.Resumed(false, past).installPast(media, now))
          .isInstanceOf(dev.sealmeet.error.DecodeException.class);
      assertThat(media.heldEpochs()).containsExactly(now);
    }
  }

  @Test
  @DisplayName("a guest whose store fails while joining keeps its Welcome, and one that cannot"
      + " erase its used KeyPackages still joins [SM-STATE-1]")
  void guestWhoseStoreFails_neitherLosesItsWelcomeNorItsMeeting() throws Exception {
    Meeting host = Meeting.open(f.client("host"), f.ds);
    LobbyGuest ann = LobbyGuest.enter(saved("ann"), f.ds, host.invitation());
    host.admit("ann");
    store.failNextWriteOf(StateKey.MEETING);
    assertThatThrownBy(ann::poll).isInstanceOf(StorageException.class);
    store.failNextWriteOf(StateKey.LOBBY);
    Meeting joined = ann.poll().orElseThrow();
    assertThat(joined.securityCode()).isEqualTo(host.securityCode());
    assertThat(ann.refused()).isZero();
  }

  @Test
  @DisplayName("a store failing while an own commit from the log is merged is no rejection and no"
      + " stall [SM-STATE-1]")
  void storeFailingWhileMergingFromTheLog_isNoRejection() throws Exception {
    DyingService annDs = new DyingService(f.ds);
    List<Meeting> m = hostAndAnn(annDs);
    Meeting host = m.get(0);
    Meeting ann = m.get(1);
    annDs.dieAfterNextSubmit = true;
    assertThatThrownBy(ann::update).isInstanceOf(Killed.class); // the answer is lost
    store.failNextWriteOf(StateKey.MEETING);
    assertThatThrownBy(ann::poll).isInstanceOf(StorageException.class);
    assertThat(ann.rejected()).isEmpty();
    assertThat(ann.stall()).isEmpty();
    ann.poll();
    host.poll();
    assertThat(ann.epoch()).isEqualTo(host.epoch());
    Meeting resumed = Meeting.resume(restarted(ann.client), f.ds, ann.id());
    assertThat(resumed.epoch()).as("saved by the next poll").isEqualTo(host.epoch());
  }

  @Test
  @DisplayName("damaged saved state fails typed [SM-STATE-4]")
  void damagedState_failsTyped_andChangesNothing() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting ann = m.get(1);
    StateKey key = new StateKey(ann.id(), "ann", StateKey.MEETING);
    byte[] good = store.read(key).orElseThrow().bytes();
    List<Class<?>> failures = new ArrayList<>();
    for (int i = 0; i < good.length; i += Math.max(1, good.length / 300)) {
      byte[] bad = good.clone();
      bad[i] ^= (byte) 0x80;
      store.damage(key, bad);
      try {
        Meeting.resume(restarted(ann.client), f.ds, ann.id());
      } catch (SealmeetException e) {
        failures.add(e.getClass());
      }
    }
    assertThat(failures).isNotEmpty();
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    store.damage(key, truncated);
    assertThatThrownBy(() -> Meeting.resume(restarted(ann.client), f.ds, ann.id()))
        .isInstanceOf(SealmeetException.class);
  }

  @Test
  @DisplayName("a closed meeting erases its saved state [SM-STATE-4]")
  void closedMeeting_erasesItsSavedState() throws Exception {
    List<Meeting> m = hostAndAnn(f.ds);
    Meeting ann = m.get(1);
    ann.close();
    assertThatThrownBy(() -> Meeting.resume(restarted(ann.client), f.ds, ann.id()))
        .isInstanceOf(StorageException.class).hasMessageContaining("no saved state");
  }
}
